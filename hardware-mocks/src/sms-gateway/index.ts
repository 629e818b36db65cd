export { billedParts, startSmsGateway } from './emulator';
export type { SmsGatewayEmulator, SmsGatewayFaults, SmsRecord } from './emulator';
