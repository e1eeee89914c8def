// The one IPC contract: every channel the renderer may call, joined from each domain's map.
// main validates every payload against it; the preload and browser bridge build the API from it.
import type { Result } from '../errors';
import type { ContractMap, RequestOf, ResponseOf } from './define';
import { accountsContract } from './accounts.contract';
import { appContract } from './app.contract';
import { assessmentContract } from './assessment.contract';
import { auditContract } from './audit.contract';
import { backupsContract } from './backups.contract';
import { dashboardContract } from './dashboard.contract';
import { draftingContract } from './drafting.contract';
import { electionsContract } from './elections.contract';
import { filesContract } from './files.contract';
import { outcomesContract } from './outcomes.contract';
import { partnersContract } from './partners.contract';
import { policyContract } from './policy.contract';
import { profileContract } from './profile.contract';
import { reportContract } from './report.contract';
import { securityContract } from './security.contract';
import { sessionContract } from './session.contract';
import { setupContract } from './setup.contract';
import { stixContract } from './stix.contract';
import { teamContract } from './team.contract';
import { threatsContract } from './threats.contract';
import { workspaceContract } from './workspace.contract';

/** Each domain's contract, by the prefix of its channels (`threats:list` is in `threats`). */
export const CONTRACTS = {
  accounts: accountsContract,
  app: appContract,
  assessment: assessmentContract,
  audit: auditContract,
  backups: backupsContract,
  dashboard: dashboardContract,
  drafting: draftingContract,
  elections: electionsContract,
  files: filesContract,
  outcomes: outcomesContract,
  partners: partnersContract,
  policy: policyContract,
  profile: profileContract,
  report: reportContract,
  security: securityContract,
  session: sessionContract,
  setup: setupContract,
  stix: stixContract,
  team: teamContract,
  threats: threatsContract,
  workspace: workspaceContract,
} as const;

export const contract = {
  ...accountsContract,
  ...appContract,
  ...assessmentContract,
  ...auditContract,
  ...backupsContract,
  ...dashboardContract,
  ...draftingContract,
  ...electionsContract,
  ...filesContract,
  ...outcomesContract,
  ...partnersContract,
  ...policyContract,
  ...profileContract,
  ...reportContract,
  ...securityContract,
  ...sessionContract,
  ...setupContract,
  ...stixContract,
  ...teamContract,
  ...threatsContract,
  ...workspaceContract,
} as const satisfies ContractMap;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

type DomainOf<K> = K extends `${infer D}:${string}` ? D : never;
export type Domain = DomainOf<Channel>;

export type ApiFunction<K extends Channel> = (
  request: RequestOf<Contract[K]>,
) => Promise<Result<ResponseOf<Contract[K]>>>;

/** window.threshold: one function per channel, grouped by domain (`threats:list` → api.threats.list). */
export type ThresholdApi = {
  [D in Domain]: {
    [K in Channel as K extends `${D}:${infer M}` ? M : never]: ApiFunction<K>;
  };
};

/** Builds the API object over a transport (ipcRenderer.invoke in Electron, fetch in browser mode). */
export function createApi(
  invoke: (channel: Channel, request: unknown) => Promise<Result<unknown>>,
): ThresholdApi {
  const api: Record<string, Record<string, (request: unknown) => Promise<Result<unknown>>>> = {};
  for (const channel of CHANNELS) {
    const [domain, method] = channel.split(':') as [string, string];
    (api[domain] ??= {})[method] = (request: unknown) => invoke(channel, request ?? {});
  }
  return api as unknown as ThresholdApi;
}
