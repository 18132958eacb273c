import { z } from 'zod';
import { json } from '../../store/db.ts';
import { parseStatusRules } from '../../track/rules.ts';
import { DEFAULT_WINDOW } from '../../track/windows.ts';
import { audit } from '../audit.ts';
import { expectedVersion, updateVersioned } from '../concurrency.ts';
import { settingsAbilities } from '../policies/settings.ts';
import { authorize } from '../policies/shared.ts';
import { badRequest, conflict, notFound } from '../problem.ts';
import { present } from '../present.ts';
import { idParams, route, versionField } from '../route.ts';
import { rulesFrom } from '../tracking.ts';

const reporting = z.object({ kind: z.enum(['monthly', 'quarterly']), dueDay: z.number().int().min(1).max(28) });
const webhookUrl = z.string().url().max(2000).refine((u) => /^https?:\/\//.test(u), 'http or https URL');

export const settingsRoutes = [
  route({
    method: 'get', path: '/organisations/:id/settings', tag: 'settings', params: idParams,
    summary: 'Status rules and reporting window of an organisation (defaults filled in)',
    async handle({ db, actor, params }) {
      authorize(settingsAbilities(actor).read);
      const { rows } = await db.query<{ status_rules: unknown; reporting: Record<string, unknown>; version: number }>(
        'SELECT status_rules, reporting, version FROM settings WHERE organisation_id = $1', [params.id]);
      const r = rows[0];
      return {
        organisationId: params.id,
        statusRules: rulesFrom(r?.status_rules),
        reporting: r && Object.keys(r.reporting).length ? r.reporting : DEFAULT_WINDOW,
        version: r?.version ?? null,
        abilities: settingsAbilities(actor),
      };
    },
  }),
  route({
    method: 'put', path: '/organisations/:id/settings', tag: 'settings', params: idParams,
    summary: 'Set status rules and reporting window (version: null the first time)',
    body: z.object({ statusRules: z.record(z.string(), z.unknown()).optional(), reporting: reporting.optional(), version: z.number().int().positive().nullable() }),
    async handle({ db, actor, params, body }) {
      authorize(settingsAbilities(actor).update);
      if (body.statusRules) {
        const parsed = parseStatusRules(body.statusRules);
        if (!parsed.ok) throw badRequest('invalid status rules', { errors: parsed.errors });
      }
      return db.transaction(async (tx) => {
        const org = await tx.query('SELECT 1 FROM organisations WHERE id = $1', [params.id]);
        if (!org.rows[0]) throw notFound('organisation');
        const before = (await tx.query<Record<string, unknown> & { version: number }>('SELECT * FROM settings WHERE organisation_id = $1', [params.id])).rows[0];
        if ((before?.version ?? null) !== body.version) throw conflict('the settings changed; reload', { currentVersion: before?.version ?? null });
        let after: Record<string, unknown>;
        if (!before) {
          after = (await tx.query<Record<string, unknown>>(
            `INSERT INTO settings (organisation_id, status_rules, reporting) VALUES ($1, $2::jsonb, $3::jsonb) RETURNING *`,
            [params.id, json(body.statusRules ?? {}), json(body.reporting ?? {})])).rows[0];
        } else {
          after = (await tx.query<Record<string, unknown>>(
            `UPDATE settings SET status_rules = $2::jsonb, reporting = $3::jsonb, version = version + 1, updated_at = now()
              WHERE organisation_id = $1 RETURNING *`,
            [params.id, json(body.statusRules ?? before.status_rules), json(body.reporting ?? before.reporting)])).rows[0];
        }
        await audit(tx, { userId: actor.id, action: 'settings.update', entity: 'settings', entityId: params.id, before, after });
        return present(after);
      });
    },
  }),
  route({
    method: 'get', path: '/organisations/:id/webhooks', tag: 'settings', params: idParams, summary: 'Webhooks of an organisation',
    async handle({ db, actor, params }) {
      authorize(settingsAbilities(actor).read);
      const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM webhooks WHERE organisation_id = $1 AND archived_at IS NULL ORDER BY id', [params.id]);
      return { items: rows.map(present) };
    },
  }),
  route({
    method: 'post', path: '/organisations/:id/webhooks', tag: 'settings', params: idParams, status: 201,
    summary: 'Add a webhook: reminders are POSTed to it as JSON, retried with backoff',
    body: z.object({ url: webhookUrl, active: z.boolean().default(true) }),
    async handle({ db, actor, params, body }) {
      authorize(settingsAbilities(actor).update);
      return db.transaction(async (tx) => {
        const { rows } = await tx.query<Record<string, unknown>>(
          'INSERT INTO webhooks (organisation_id, url, active) VALUES ($1, $2, $3) RETURNING *', [params.id, body.url, body.active]);
        await audit(tx, { userId: actor.id, action: 'webhook.create', entity: 'webhook', entityId: rows[0].id as number, after: rows[0] });
        return present(rows[0]);
      });
    },
  }),
  route({
    method: 'patch', path: '/webhooks/:id', tag: 'settings', params: idParams, summary: 'Change or disable a webhook (needs version)',
    body: z.object({ url: webhookUrl.optional(), active: z.boolean().optional(), version: versionField }),
    async handle({ db, actor, params, body, ifMatch }) {
      authorize(settingsAbilities(actor).update);
      const version = expectedVersion(body.version, ifMatch);
      return db.transaction(async (tx) => {
        const changes: Record<string, unknown> = {};
        if (body.url !== undefined) changes.url = body.url;
        if (body.active !== undefined) changes.active = body.active;
        const after = await updateVersioned<Record<string, unknown>>(tx, 'webhooks', params.id, version, changes);
        await audit(tx, { userId: actor.id, action: 'webhook.update', entity: 'webhook', entityId: params.id, after });
        return present(after);
      });
    },
  }),
  route({
    method: 'get', path: '/webhooks/:id/deliveries', tag: 'settings', params: idParams, summary: 'Delivery log of a webhook, with every attempt',
    async handle({ db, actor, params }) {
      authorize(settingsAbilities(actor).read);
      const d = await db.query<Record<string, unknown>>('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC LIMIT 200', [params.id]);
      const ids = d.rows.map((r) => r.id as number);
      const attempts = ids.length
        ? (await db.query<Record<string, unknown>>('SELECT * FROM webhook_attempts WHERE delivery_id = ANY($1::int[]) ORDER BY id', [ids])).rows
        : [];
      return { items: d.rows.map((r) => ({ ...present(r), attempts: attempts.filter((a) => a.delivery_id === r.id).map(present) })) };
    },
  }),
];
