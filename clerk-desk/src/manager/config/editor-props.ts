import type { ManagerApi } from '../api';

/** What every configuration editor gets: the API, whether the user may change, and a reload. */
export interface EditorProps {
  api: ManagerApi;
  canEdit: boolean;
  /** Reads the configuration again after a save. */
  reload: () => Promise<void>;
}
