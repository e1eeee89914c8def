// The partner directory's handlers: create, edit with history, soft delete and undo, restore,
// record a contact, who to notify about threats, and pre-election readiness.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { slug } from '../../shared/slug';
import { AppError, listed } from '../../shared/errors';
import {
  DEFAULT_STALE_DAYS,
  type ContactChannel,
  type Partner,
  type PartnerDetail,
  type PartnerSettings,
  type ReadinessReport,
} from '../../shared/domain/partners';
import type { Election, Threat } from '../../shared/domain/workspace';
import type { HandlersOf } from '../../shared/ipc/define';
import type { partnersContract, PartnerInputSchema } from '../../shared/ipc/partners.contract';
import type { ServiceContext } from '../context';
import { ElectionRepository } from '../elections/repository';
import { assertEditable, assertRestorable, setRecordDeleted, unchanged } from '../records';
import { ThreatStore } from '../threats/store';
import { partnersToNotify } from './notify';
import { readinessGaps, staleBefore } from './readiness';
import { PartnerRepository } from './repository';

type PartnerInput = z.output<typeof PartnerInputSchema>;

export const STALE_DAYS_KEY = 'partners.staleDays';

export class PartnerService {
  readonly repo: PartnerRepository;
  private readonly elections: ElectionRepository;

  constructor(private readonly ctx: ServiceContext) {
    this.repo = new PartnerRepository(ctx.db);
    this.elections = new ElectionRepository(ctx.db);
  }

  detail(id: string): PartnerDetail {
    const found = this.repo.get(id);
    if (!found) throw new AppError('not-found', { id: 'partners/there-no-partner-with', params: { id } });
    return found;
  }

  private audit(action: string, id: string, details: Record<string, unknown>): void {
    this.ctx.record(action, `partner:${id}`, details);
  }

  private newId(name: string): string {
    const base = `p-${slug(name, 'partner')}`;
    return this.repo.exists(base) ? `${base}-${randomBytes(3).toString('hex')}` : base;
  }

  create(input: PartnerInput): PartnerDetail {
    return this.ctx.db.transaction(() => {
      const partner = { ...input, id: input.id ?? this.newId(input.name) } as Partner;
      if (this.repo.exists(partner.id))
        throw new AppError('conflict', {
          id: 'partners/partner-with-id-already',
          params: { id: partner.id },
        });
      this.repo.insert(partner, this.ctx.writeInfo('created'));
      this.audit('partner.created', partner.id, { name: partner.name, kind: partner.kind });
      return this.detail(partner.id);
    })();
  }

  update(partner: Partner, expectedVersion: number, change = 'edited'): PartnerDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(partner.id);
      assertEditable('Partner', partner.id, current.meta, expectedVersion, {
        theirs: current.partner,
        yours: partner,
      });
      if (unchanged(current.partner, partner)) return current;
      const version = this.repo.update(partner, this.ctx.writeInfo(change));
      this.audit('partner.edited', partner.id, { version });
      return this.detail(partner.id);
    })();
  }

  setDeleted(id: string, deleted: boolean): PartnerDetail {
    return setRecordDeleted(this.ctx, deleted, {
      detail: () => this.detail(id),
      write: (info) => this.repo.setDeleted(id, deleted, info),
      done: (change, version) => this.audit(`partner.${change}`, id, { version }),
    });
  }

  restoreVersion(id: string, version: number): PartnerDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(id);
      const target = this.repo.versions(id).find((v) => v.version === version);
      if (!target)
        throw new AppError('not-found', { id: 'partners/partner-has-no-version', params: { id, version } });
      if (target.current) return current;
      assertRestorable('Partner', id, current.meta);
      const newVersion = this.repo.update(target.partner, this.ctx.writeInfo(`restored version ${version}`));
      this.audit('partner.restored', id, { from: version, version: newVersion });
      return this.detail(id);
    })();
  }

  recordContact(req: {
    id: string;
    date: string;
    channel?: ContactChannel | undefined;
    note?: string | undefined;
  }): PartnerDetail {
    return this.ctx.db.transaction(() => {
      const current = this.detail(req.id);
      if (current.meta.deletedAt)
        throw new AppError('conflict', {
          id: 'partners/partner-deleted-undo-delete',
          params: { id: req.id },
        });
      const today = this.ctx.clock().toISOString().slice(0, 10);
      if (req.date > today) {
        throw new AppError(
          'invalid-request',
          { id: 'partners/contact-date-future-record', params: { date: req.date } },
          [{ where: '$.date', message: 'must not be in the future' }],
        );
      }
      // Who made the contact is the signed-in account, as for every write.
      const by = this.ctx.actor()?.name;
      if (!by) throw new AppError('not-signed-in', { id: 'partners/sign-record-contact' });
      const record = {
        date: req.date,
        by,
        ...(req.channel ? { channel: req.channel } : {}),
        ...(req.note?.trim() ? { note: req.note.trim() } : {}),
      };
      const partner: Partner = {
        ...current.partner,
        contactLog: [...(current.partner.contactLog ?? []), record],
      };
      const version = this.repo.update(partner, this.ctx.writeInfo(`contact recorded (${req.date})`));
      this.audit('partner.contacted', req.id, { version, date: req.date, by, channel: req.channel ?? null });
      return this.detail(req.id);
    })();
  }

  settings(): PartnerSettings {
    return {
      staleDays:
        this.ctx.settings.get(STALE_DAYS_KEY, z.number().int().min(1).max(3650)) ?? DEFAULT_STALE_DAYS,
    };
  }

  saveSettings(settings: PartnerSettings): PartnerSettings {
    return this.ctx.db.transaction(() => {
      const before = this.settings();
      if (before.staleDays !== settings.staleDays) {
        this.ctx.settings.set(STALE_DAYS_KEY, settings.staleDays);
        this.ctx.record('partners.settings', 'partners', {
          staleDays: settings.staleDays,
          was: before.staleDays,
        });
      }
      return this.settings();
    })();
  }

  forThreats(req: { ids?: string[] | undefined; threats?: Threat[] | undefined }) {
    const threats: Threat[] = [...(req.threats ?? [])];
    if (req.ids?.length) {
      const found = [...new ThreatStore(this.ctx.db).iteratePublic({ ids: req.ids })].map((t) => t.threat);
      const missing = req.ids.filter((id) => !found.some((t) => t.id === id));
      if (missing.length)
        throw new AppError('not-found', {
          id: 'partners/there-no-live-threat',
          params: { ids: listed(missing) },
        });
      threats.push(...found);
    }
    return partnersToNotify(threats, this.repo.listInOrder());
  }

  /** The election readiness is judged for: the one asked for, else the next polling day, else the latest. */
  private electionFor(electionId: string | undefined, asOf: string): Election | null {
    if (electionId) {
      const e = this.elections.get(electionId);
      if (!e)
        throw new AppError('not-found', { id: 'assessment/there-no-election-with', params: { electionId } });
      return e;
    }
    const all = this.elections.list();
    const upcoming = all
      .filter((e) => e.pollingDay >= asOf)
      .sort((a, b) => a.pollingDay.localeCompare(b.pollingDay));
    return upcoming[0] ?? [...all].sort((a, b) => b.pollingDay.localeCompare(a.pollingDay))[0] ?? null;
  }

  readiness(req: {
    electionId?: string | undefined;
    asOf?: string | undefined;
    staleDays?: number | undefined;
  }): ReadinessReport {
    const asOf = req.asOf ?? this.ctx.clock().toISOString().slice(0, 10);
    const staleDays = req.staleDays ?? this.settings().staleDays;
    const election = this.electionFor(req.electionId, asOf);
    const partners = this.repo.list();
    const threats = new ThreatStore(this.ctx.db);
    const gaps = readinessGaps({
      partners: partners.map((p) => ({ partner: p.partner, lastContacted: p.lastContacted })),
      channels: threats.usage('channel', election?.id ?? null),
      regions: threats.usage('region', election?.id ?? null),
      pollingDay: election?.pollingDay ?? null,
      asOf,
      staleDays,
    });
    return {
      electionId: election?.id ?? null,
      pollingDay: election?.pollingDay ?? null,
      asOf,
      staleBefore: staleBefore(asOf, election?.pollingDay ?? null, staleDays),
      staleDays,
      partners: partners.length,
      gaps,
    };
  }

  handlers(): HandlersOf<typeof partnersContract> {
    return {
      'partners:list': ({ deleted }) => this.repo.list({ deleted: deleted ?? false }),
      'partners:get': ({ id }) => this.detail(id),
      'partners:create': ({ partner }) => this.create(partner),
      'partners:update': ({ partner, expectedVersion }) => this.update(partner, expectedVersion),
      'partners:delete': ({ id }) => this.setDeleted(id, true),
      'partners:undelete': ({ id }) => this.setDeleted(id, false),
      'partners:history': ({ id }) => {
        this.detail(id);
        return this.repo.versions(id);
      },
      'partners:restoreVersion': ({ id, version }) => this.restoreVersion(id, version),
      'partners:recordContact': (req) => this.recordContact(req),
      'partners:forThreats': (req) => this.forThreats(req),
      'partners:readiness': (req) => this.readiness(req),
      'partners:settings': () => this.settings(),
      'partners:saveSettings': (req) => this.saveSettings(req),
    };
  }
}

export function partnerHandlers(ctx: ServiceContext): HandlersOf<typeof partnersContract> {
  return new PartnerService(ctx).handlers();
}
