import fastifyJwt from '@fastify/jwt';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role, Viewer } from '@spotter/shared';
import { securityEvent } from '../security-log.ts';

/** An access token's claims: the user, their role, and the token family (signed-in device). */
export interface AccessClaims {
  sub: string;
  role: Role;
  sid: string;
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
    user: AccessClaims & { exp?: number };
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    viewer: Viewer;
    /** The signed-in device (token family) of the request's access token. */
    familyId: string;
  }
  interface FastifyInstance {
    authenticate: (req: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The claims of a valid access token of a live family, or null (logged when the family ended). */
    verifyAccess: (token: string, req: FastifyRequest) => Promise<(AccessClaims & { exp?: number }) | null>;
  }
}

const refused = { error: 'unauthorized', message: 'Sign in again: the access token is missing, invalid or expired.' };

/**
 * Access tokens (JWT: sub, role, sid) and the `authenticate` hook for protected scopes. A
 * valid signature is not enough: the token's family must not have ended (a sign-out, a
 * refresh token reuse), so a signed-out token is refused at once, not when it expires.
 */
export const authPlugin = fp<{ secret: string; accessTokenTtl: number }>(
  async (app, opts) => {
    await app.register(fastifyJwt, { secret: opts.secret, sign: { expiresIn: opts.accessTokenTtl } });
    app.decorateRequest('viewer', null as unknown as Viewer);
    app.decorateRequest('familyId', '');

    const live = async (claims: AccessClaims & { exp?: number }, req: FastifyRequest) => {
      // Tokens issued before families existed have no sid: refused (the device refreshes).
      if (typeof claims.sid !== 'string') return null;
      if (await app.repo.isTokenFamilyActive(claims.sid)) return claims;
      securityEvent(req.log, 'revoked_session_used', { userId: claims.sub, family: claims.sid, ip: req.ip });
      return null;
    };
    app.decorate('verifyAccess', async (token: string, req: FastifyRequest) => {
      let claims: AccessClaims & { exp?: number };
      try {
        claims = app.jwt.verify<AccessClaims & { exp?: number }>(token);
      } catch {
        return null;
      }
      return live(claims, req);
    });
    app.decorate('authenticate', async (req: FastifyRequest, reply: FastifyReply) => {
      const claims = await req.jwtVerify<AccessClaims & { exp?: number }>().then((c) => live(c, req), () => null);
      if (!claims) return reply.code(401).send(refused);
      req.viewer = { id: claims.sub, role: claims.role };
      req.familyId = claims.sid;
    });
  },
  { name: 'auth' },
);
