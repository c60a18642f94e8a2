/** Types every domain of the contract shares: transports, call context, failures. */

/** Which transport carried the call: Electron IPC, the loopback host, a MessagePort, or a direct call in the same process (the CLI). */
export type TransportKind = 'ipc' | 'http' | 'port' | 'inProcess';
/** Electron shell, the same UI served to a browser by main/host, or the headless CLI. */
export type ShellMode = 'electron' | 'browser' | 'cli';

/** What a handler learns about the call besides its arguments. */
export interface CallContext {
  transport: TransportKind;
}

/** Error codes a call can fail with on any transport. */
export type OpsErrorCode = 'unknownMethod' | 'badArguments' | 'forbidden' | 'failed';

/**
 * What kind of trouble a failed call was, so a UI, the host's HTTP status and the CLI's exit code can act on it:
 * - `badInput`: the request was wrong (a name, a date, a week): fix it (exit 2, HTTP 400);
 * - `auth`: sign in again, or supply the secret (exit 3, HTTP 401);
 * - `conflict`: someone else changed it, or it is busy: re-read and retry (exit 4, HTTP 409);
 * - `unavailable`: Genesys Cloud cannot be reached or is overloaded: wait and retry (exit 5, HTTP 503);
 * - `invalid`: Genesys Cloud refused the request as invalid (exit 1, HTTP 422);
 * - `storage`: the data folder or the vault on this machine cannot be used (exit 6, HTTP 500);
 * - `internal`: a fault in Publish Desk itself (exit 1, HTTP 500).
 */
export type FailureCategory = 'badInput' | 'auth' | 'conflict' | 'unavailable' | 'invalid' | 'storage' | 'internal';

/** The serialisable failure every transport returns; never carries secrets. */
export interface OpsFailure {
  code: OpsErrorCode;
  message: string;
  category?: FailureCategory;
}
