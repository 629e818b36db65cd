export * from './password';
export * from './tokens';
export * from './auth-service';
export * from './password-policy';
export * from './pairing-codes';
