// Deadline reminders over HTTP: the signed-in person's reminders, and their private iCalendar feed of
// deadlines (created and revoked here, read by calendar apps with the secret in its URL).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../../app/app.ts';
import type { Config } from '../../../app/config.ts';
import * as feed from '../../../app/use-cases/calendar-feed.ts';
import * as reminders from '../../../app/use-cases/reminders.ts';
import { addRoute } from '../route.ts';

const slug = z.string().min(1).max(100).describe('organisation slug');
const orgQuery = z.object({ org: slug });

/** The address this server is reached at, for links that leave the browser (a calendar app's). */
function originOf(request: FastifyRequest, config: Config): string {
  const protocol = config.secureCookies ? 'https' : request.protocol;
  return `${protocol}://${request.host}`;
}

export function registerReminderRoutes(server: FastifyInstance, app: App, config: Config) {
  const r = <I, O>(spec: Parameters<typeof addRoute<I, O>>[2]) => addRoute(server, app, spec);

  r({
    method: 'GET',
    url: '/api/v1/me/reminders',
    summary:
      "My deadline reminders in an organisation: the last 30 days' reminders addressed to me, the latest per record, newest first, while the record is open and still due that day",
    tags: ['me'],
    useCase: reminders.myReminders,
    querystring: orgQuery,
    input: ({ query }) => query,
  });

  r({
    method: 'GET',
    url: '/api/v1/me/calendar-feed',
    summary: 'Whether I have an active calendar feed of deadlines in an organisation',
    tags: ['me'],
    useCase: feed.calendarFeedStatus,
    querystring: orgQuery,
    input: ({ query }) => query,
  });
  r({
    method: 'POST',
    url: '/api/v1/me/calendar-feed',
    summary:
      'Create my calendar feed of deadlines in an organisation (its URL is shown once); any earlier feed stops working',
    tags: ['me'],
    useCase: feed.createCalendarFeed,
    querystring: orgQuery,
    input: ({ query }) => query,
    send: (reply, result, request) =>
      reply.status(201).send({
        id: result.id,
        prefix: result.prefix,
        createdAt: result.createdAt,
        url: `${originOf(request, config)}${result.path}`,
      }),
  });
  r({
    method: 'DELETE',
    url: '/api/v1/me/calendar-feed',
    summary: 'Revoke my calendar feed of deadlines in an organisation',
    tags: ['me'],
    useCase: feed.revokeCalendarFeed,
    querystring: orgQuery,
    input: ({ query }) => query,
  });

  r({
    method: 'GET',
    url: '/api/v1/orgs/:org/deadlines.ics',
    summary:
      'An iCalendar feed of the open records with a due date that the feed’s owner may read (all-day events); the secret in ?token= is the credential',
    tags: ['records'],
    useCase: feed.deadlinesFeed,
    params: z.object({ org: slug }),
    querystring: z.object({ token: z.string().max(200).optional() }),
    input: ({ params, query }) => ({ ...query, ...params }),
    send: (reply, result, request) =>
      reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="deadlines.ics"')
        .header('cache-control', 'private, no-store')
        .send(
          feed.deadlinesCalendar(result.org, result.items, {
            origin: originOf(request, config),
            now: app.clock(),
          }),
        ),
  });
}
