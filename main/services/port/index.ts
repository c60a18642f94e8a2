/** The MessagePort transport of the contract: Electron-free, so it runs on Node's MessageChannel in tests. */
export { createPortClient, type AnyEventListener, type PortClient } from './port-client';
export {
  fromMessagePortMain,
  PortClosedError,
  portClosedMessage,
  type MessagePortMainLike,
  type PortLike,
} from './port-like';
export { servePort, type PortServices, type ServedPort } from './serve-port';
