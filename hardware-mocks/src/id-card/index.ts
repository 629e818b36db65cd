// Virtual ID card for vpcd and the test CA that issues its certificate.
export { createTestCa, loadOrCreateTestCa, holderSubject } from './test-ca';
export type { TestCa, HolderIdentity, IssuedHolder } from './test-ca';
export { startVirtualIdCard, VIRTUAL_CARD_ATR, DEFAULT_SIGN_PIN } from './virtual-id-card';
export type { VirtualIdCard, VirtualIdCardOptions, VirtualCardFault } from './virtual-id-card';
export { createIdCardApplet, SW } from './id-card-applet';
export type { IdCardApplet, IdCardAppletOptions, IdCardSignatureOptions } from './id-card-applet';
export { signDigestP256, privateScalar } from './ecdsa-digest';
export { encodeVpcdFrame, VpcdFrameDecoder, VpcdControl } from './vpcd-frame';
