// Writes: facilities (editor), reports from the field (anyone, rate-limited) and their review
// (reviewer), re-import conflicts (reviewer), CSV supplements (editor), accounts and API tokens
// (admin). Each resolver checks the role first, then hands over to editService.
import type { FacilityFields, Resolvers } from '../../generated/resolvers.ts';
import { audit, createAccount, findAccountByLogin } from '../accounts/accountStore.ts';
import { actorOf, requireRole, roleAllows } from '../accounts/auth.ts';
import { apiTokenNameTaken, createApiToken, listApiTokens, revokeApiToken } from '../accounts/bearer.ts';
import { shownActor, shownSnapshot } from '../accounts/shownActor.ts';
import { hashPassword } from '../accounts/passwords.ts';
import { badUserInput } from '../common/errors.ts';
import { checkWholeNumber } from '../common/validate.ts';
import {
  checkLocation,
  checkRetirementDate,
  createFacility,
  editFacility,
  afterFacilityChange,
  auditFacility,
  inWriteTransaction,
  notFound,
  rateLimited,
  type ChangeResult,
} from './editService.ts';
import * as editStore from './editStore.ts';
import { checkText, facilityValues, fieldsAsJson } from './facilityFields.ts';
import { importSupplement } from './supplement.ts';

const reason = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : checkText('reason', value, 1, 1000));
const optionalContact = (value: string | null | undefined) => (value == null || value.trim() === '' ? null : checkText('contact', value, 3, 200));

const change = (result: ChangeResult) => ({ facility: result.facility, audit: result.audit, reachRecomputed: result.reachRecomputed });

const STATUS = { OPEN: 'open', ACCEPTED: 'accepted', REJECTED: 'rejected' } as const;

export const editingResolvers: Resolvers = {
  Query: {
    facilityHistory: async (_, args, ctx) =>
      (await editStore.historyOf(ctx.db, args.key, checkWholeNumber('first', args.first, 1, 200))),
    reports: async (_, args, ctx) => {
      requireRole(await ctx.viewer(), 'reviewer');
      return editStore.listReports(ctx.db, STATUS[args.status], checkWholeNumber('first', args.first, 1, 200));
    },
    facilityConflicts: async (_, args, ctx) => {
      requireRole(await ctx.viewer(), 'reviewer');
      return editStore.listConflicts(ctx.db, args.openOnly, checkWholeNumber('first', args.first, 1, 200));
    },
    apiTokens: async (_, __, ctx) => {
      requireRole(await ctx.viewer(), 'admin');
      return listApiTokens(ctx.db);
    },
    auditLog: async (_, args, ctx) => {
      requireRole(await ctx.viewer(), 'admin');
      return (await editStore.latestAudit(ctx.db, checkWholeNumber('first', args.first, 1, 500)));
    },
  },
  Mutation: {
    createFacility: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      const values = facilityValues(args.fields, { create: true }) as editStore.FacilityValues & { name: string; category: string };
      return change(await inWriteTransaction(ctx.db, (trx) => createFacility(trx, who, values, args.location, reason(args.reason))));
    },
    updateFacility: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      const values = facilityValues(args.fields, { create: false });
      return change(await inWriteTransaction(ctx.db, (trx) => editFacility(trx, who, args.key, args.version, { kind: 'update', values }, reason(args.reason))));
    },
    moveFacility: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      return change(await inWriteTransaction(ctx.db, (trx) => editFacility(trx, who, args.key, args.version, { kind: 'move', location: args.location }, reason(args.reason))));
    },
    retireFacility: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      const why = checkText('reason', args.reason, 3, 1000);
      const on = checkRetirementDate(args.on);
      return change(await inWriteTransaction(ctx.db, (trx) => editFacility(trx, who, args.key, args.version, { kind: 'retire', on, reason: why }, why)));
    },
    confirmFacility: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      return change(await inWriteTransaction(ctx.db, (trx) => editFacility(trx, who, args.key, args.version, { kind: 'confirm' }, null)));
    },

    reportFacilityProblem: async (_, args, ctx) => {
      const message = checkText('message', args.message, 5, 2000);
      const contact = optionalContact(args.contact);
      const proposed = args.proposed ? fieldsAsJson(facilityValues(args.proposed, { create: false })) : {};
      if (args.location) {
        const at = await checkLocation(ctx.db, args.location);
        Object.assign(proposed, { longitude: at.longitude, latitude: at.latitude });
      }
      const facility = await ctx.loaders.facilityByKey.load(args.key);
      if (!facility || facility.retired_on) throw notFound(`The facility "${args.key}"`);
      // A bad bearer token is an error here too; people signed in are not rate-limited.
      const who = await ctx.viewer();
      if (!who && !(await ctx.reportLimiter.take(ctx.clientHash, ctx.networkHash))) throw rateLimited();
      return inWriteTransaction(ctx.db, async (trx) => {
        const changes = Object.keys(proposed).length ? JSON.parse(JSON.stringify(proposed)) : null;
        const report = await editStore.insertReport(trx, { kind: 'problem', facilityKey: args.key, changes, message, contact, clientHash: ctx.clientHash });
        await audit(trx, { accountId: who?.account_id ?? null, actor: who ? actorOf(who) : 'anonymous', action: 'report.create', entity: 'report', entityKey: String(report.id), before: null, after: { kind: 'problem', facilityKey: args.key, changes, message }, reason: null });
        return report;
      });
    },
    proposeFacility: async (_, args, ctx) => {
      const message = checkText('message', args.message, 5, 2000);
      const contact = optionalContact(args.contact);
      const values = facilityValues(args.fields, { create: true });
      const { longitude, latitude } = await checkLocation(ctx.db, args.location);
      const who = await ctx.viewer();
      if (!who && !(await ctx.reportLimiter.take(ctx.clientHash, ctx.networkHash))) throw rateLimited();
      return inWriteTransaction(ctx.db, async (trx) => {
        const changes = { ...fieldsAsJson(values), longitude, latitude };
        const report = await editStore.insertReport(trx, { kind: 'proposal', facilityKey: null, changes, message, contact, clientHash: ctx.clientHash });
        await audit(trx, { accountId: who?.account_id ?? null, actor: who ? actorOf(who) : 'anonymous', action: 'report.create', entity: 'report', entityKey: String(report.id), before: null, after: { kind: 'proposal', changes, message }, reason: null });
        return report;
      });
    },
    acceptReport: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'reviewer');
      const note = args.note == null || args.note.trim() === '' ? null : checkText('note', args.note, 1, 1000);
      const override = args.fields ? facilityValues(args.fields, { create: false }) : {};
      return inWriteTransaction(ctx.db, async (trx) => {
        const report = await editStore.lockReport(trx, args.id);
        if (!report) throw notFound(`Report ${args.id}`);
        if (report.status !== 'open') throw badUserInput(`Report ${args.id} was already ${report.status} by ${report.reviewed_by}`);
        const proposed = (report.changes ?? {}) as Record<string, unknown>;
        const fromReport = facilityValues(proposed as FacilityFields, { create: report.kind === 'proposal' && !args.fields });
        const values = { ...fromReport, ...override };
        const point = args.location ?? (typeof proposed.longitude === 'number' ? { longitude: proposed.longitude as number, latitude: proposed.latitude as number } : null);
        const why = `Meldung #${report.id}: ${report.message}${note ? ` (Prüfung: ${note})` : ''}`;
        let key: string;
        if (report.kind === 'proposal') {
          const created = facilityValues(fieldsAsJson(values), { create: true }) as editStore.FacilityValues & { name: string; category: string };
          key = (await createFacility(trx, who, created, point!, why, 'report.accept')).facility.key;
        } else {
          key = report.facility_key!;
          const current = await editStore.lockFacility(trx, key);
          if (!current || current.retired_on) throw badUserInput(`The facility "${key}" no longer exists or was retired; reject the report`);
          const hasValues = Object.keys(values).length > 0;
          if (!hasValues && !point) throw badUserInput(`Report ${report.id} proposes no change; give fields or location to apply, or reject it`);
          await editFacility(trx, who, key, current.version, { kind: 'update', values, location: point ?? undefined }, why, 'report.accept');
        }
        return editStore.decideReport(trx, report.id, { status: 'accepted', by: actorOf(who), note, resultKey: key });
      });
    },
    rejectReport: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'reviewer');
      const note = checkText('note', args.note, 3, 1000);
      return inWriteTransaction(ctx.db, async (trx) => {
        const report = await editStore.lockReport(trx, args.id);
        if (!report) throw notFound(`Report ${args.id}`);
        if (report.status !== 'open') throw badUserInput(`Report ${args.id} was already ${report.status} by ${report.reviewed_by}`);
        const decided = await editStore.decideReport(trx, report.id, { status: 'rejected', by: actorOf(who), note, resultKey: null });
        await audit(trx, { accountId: who.account_id, actor: actorOf(who), action: 'report.reject', entity: 'report', entityKey: String(report.id), before: { status: 'open' }, after: { status: 'rejected', note }, reason: note });
        return decided;
      });
    },
    resolveFacilityConflict: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'reviewer');
      return inWriteTransaction(ctx.db, async (trx) => {
        const conflict = await editStore.lockConflict(trx, args.id);
        if (!conflict) throw notFound(`Conflict ${args.id}`);
        if (conflict.status !== 'open') throw badUserInput(`Conflict ${args.id} is already settled (${conflict.status})`);
        const before = await editStore.lockFacility(trx, conflict.facility_key);
        const apply = args.resolution === 'APPLY_SOURCE';
        await editStore.settleSourceValues(trx, conflict.facility_key, conflict.incoming, apply);
        const after = await editStore.lockFacility(trx, conflict.facility_key);
        const action = apply ? 'conflict.apply_source' : 'conflict.keep_edit';
        await auditFacility(trx, who, action, conflict.facility_key, before, after, `Re-import conflict #${conflict.id} (${conflict.source_file})`);
        if (apply && before && after) await afterFacilityChange(trx, [before.category, after.category]);
        return editStore.resolveConflict(trx, conflict.id, apply ? 'source_applied' : 'edit_kept', actorOf(who));
      });
    },
    importFacilitiesCsv: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'editor');
      return importSupplement(ctx.db, who, args.csv, args.source, args.dryRun);
    },
    createAccount: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'admin');
      const login = args.login.trim();
      if (!/^[A-Za-z0-9._@-]{3,60}$/.test(login)) throw badUserInput('login must be 3 to 60 letters, digits or . _ @ -');
      const displayName = checkText('displayName', args.displayName, 2, 100);
      if (args.password.length < 12 || args.password.length > 200) throw badUserInput('password must be 12 to 200 characters');
      if (await findAccountByLogin(ctx.db, login)) throw badUserInput(`an account with the login "${login}" exists already`);
      const passwordHash = await hashPassword(args.password);
      return inWriteTransaction(ctx.db, async (trx) => {
        const account = await createAccount(trx, { login, displayName, role: args.role, passwordHash });
        await audit(trx, { accountId: who.account_id, actor: actorOf(who), action: 'account.create', entity: 'account', entityKey: login, before: null, after: { login, displayName, role: args.role }, reason: null });
        return account;
      });
    },
    createApiToken: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'admin');
      const name = checkText('name', args.name, 3, 100);
      let expiresAt: string | null = null;
      if (args.expiresAt) {
        const date = new Date(args.expiresAt);
        if (Number.isNaN(date.getTime()) || date.getTime() <= Date.now()) throw badUserInput(`expiresAt must be an ISO 8601 time in the future (got "${args.expiresAt}")`);
        expiresAt = date.toISOString();
      }
      return inWriteTransaction(ctx.db, async (trx) => {
        // Names are unique, revoked tokens included: a token's name is whom its scenarios belong to.
        if (await apiTokenNameTaken(trx, name)) throw badUserInput(`an API token named "${name}" exists already (names stay taken after revocation); choose another name`);
        const { token, row } = await createApiToken(trx, { name, role: args.role, createdBy: actorOf(who), expiresAt });
        await audit(trx, { accountId: who.account_id, actor: actorOf(who), action: 'api_token.create', entity: 'api_token', entityKey: String(row.id), before: null, after: { name, role: args.role, expiresAt }, reason: null });
        return { token, apiToken: row };
      });
    },
    revokeApiToken: async (_, args, ctx) => {
      const who = requireRole(await ctx.viewer(), 'admin');
      return inWriteTransaction(ctx.db, async (trx) => {
        const row = await revokeApiToken(trx, args.id);
        if (!row) throw notFound(`API token ${args.id}`);
        await audit(trx, { accountId: who.account_id, actor: actorOf(who), action: 'api_token.revoke', entity: 'api_token', entityKey: String(row.id), before: { revokedAt: null }, after: { revokedAt: row.revoked_at }, reason: null });
        return row;
      });
    },
  },
  AuditRecord: {
    actor: (r, _, ctx) => shownActor(ctx, r.actor),
    entityKey: (r) => r.entity_key,
    before: (r, _, ctx) => shownSnapshot(ctx, r.before),
    after: (r, _, ctx) => shownSnapshot(ctx, r.after),
  },
  Report: {
    kind: (r) => (r.kind === 'problem' ? 'PROBLEM' : 'PROPOSAL'),
    status: (r) => (r.status === 'open' ? 'OPEN' : r.status === 'accepted' ? 'ACCEPTED' : 'REJECTED'),
    facility: (r, _, ctx) => {
      const key = r.facility_key ?? r.result_key;
      return key ? ctx.loaders.facilityByKey.load(key) : null;
    },
    facilityKey: (r) => r.facility_key,
    proposed: (r) => r.changes,
    contact: async (r, _, ctx) => {
      const viewer = await ctx.viewer().catch(() => null);
      return viewer && roleAllows(viewer.role, 'reviewer') ? r.contact : null;
    },
    createdAt: (r) => r.created_at,
    reviewedAt: (r) => r.reviewed_at,
    reviewedBy: (r, _, ctx) => (r.reviewed_by === null ? null : shownActor(ctx, r.reviewed_by)),
    reviewNote: (r) => r.review_note,
  },
  FacilityConflict: {
    facility: (c, _, ctx) => ctx.loaders.facilityByKey.load(c.facility_key),
    facilityKey: (c) => c.facility_key,
    detectedAt: (c) => c.detected_at,
    sourceFile: (c) => c.source_file,
    status: (c) => c.status.toUpperCase(),
    resolvedBy: (c, _, ctx) => (c.resolved_by === null ? null : shownActor(ctx, c.resolved_by)),
  },
  ApiToken: {
    createdBy: (t) => t.created_by,
    createdAt: (t) => t.created_at,
    expiresAt: (t) => t.expires_at,
    revokedAt: (t) => t.revoked_at,
    lastUsedAt: (t) => t.last_used_at,
  },
};
