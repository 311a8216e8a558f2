import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role, Viewer } from '@spotter/shared';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: { sub: string; role: Role };
    user: { sub: string; role: Role; exp?: number };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
}

/** Access tokens (JWT, payload sub + role) and the `authenticate` hook for protected scopes. */
export const authPlugin = fp<{ secret: string; accessTokenTtl: number }>(
  async (app, opts) => {
    await app.register(fastifyJwt, { secret: opts.secret, sign: { expiresIn: opts.accessTokenTtl } });
    app.decorateRequest('viewer', null as unknown as Viewer);
    app.decorate('authenticate', async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        const user = await req.jwtVerify<{ sub: string; role: Role }>();
        req.viewer = { id: user.sub, role: user.role };
      } catch {
        return reply.code(401).send({ error: 'unauthorized', message: 'Sign in again: the access token is missing, invalid or expired.' });
      }
    });
  },
  { name: 'auth' },
);
