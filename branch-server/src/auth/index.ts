export * from './password';
export * from './tokens';
export * from './auth-service';
