/**
 * The few messages between Electron main and its services process on the
 * utility process's own channel (`child.postMessage` / `process.parentPort`).
 * Contract calls never travel here: they have their own port.
 *
 *   main → services   start {options} + [ops port, platform port]
 *   main → services   stop: close the database and exit
 *   services → main   failed {message, category}: the services could not start
 */
import { z } from 'zod';
import { failureCategories } from '../services/port/frames';

export const startMessage = z.object({
  type: z.literal('start'),
  appName: z.string(),
  appVersion: z.string(),
  dataDir: z.string().min(1),
  /** Electron's build of better-sqlite3, when it was built. */
  nativeBinding: z.string().optional(),
  secrets: z.object({
    filePath: z.string().min(1),
    allowPlaintextBackend: z.boolean(),
    encryptionAvailable: z.boolean(),
    backend: z.string().optional(),
  }),
});
export type StartMessage = z.infer<typeof startMessage>;
export type StartOptions = Omit<StartMessage, 'type'>;

export const toServicesMessage = z.discriminatedUnion('type', [startMessage, z.object({ type: z.literal('stop') })]);

export const fromServicesMessage = z.object({
  type: z.literal('failed'),
  message: z.string(),
  category: z.enum(failureCategories),
});
export type ServicesFailedMessage = z.infer<typeof fromServicesMessage>;
