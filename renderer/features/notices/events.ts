import { useEffect } from 'react';
import type { AppNotice } from '../../../shared/contract';
import type { OpsClient } from '../../bridge/types';

/** Notices main raises (`app.notice`) go to the tray. Returns the unsubscribe. */
export function subscribeNoticeEvents(client: OpsClient, pushNotice: (notice: AppNotice) => void): () => void {
  return client.on('app.notice', pushNotice);
}

export function useNoticeEvents(client: OpsClient, pushNotice: (notice: AppNotice) => void): void {
  useEffect(() => subscribeNoticeEvents(client, pushNotice), [client, pushNotice]);
}
