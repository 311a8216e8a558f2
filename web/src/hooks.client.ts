import { z } from 'zod';
import { isFailedImport, OFFLINE_MESSAGE } from '#lib/app/error-page.ts';

// The Content-Security-Policy forbids eval (SECURITY.md "Headers"). zod probes for it with a
// caught `new Function("")`, which the browser still reports as a violation: run it jitless.
// Here, because Kit evaluates the client hooks before any page module builds a schema.
z.config({ jitless: true });

/** A page whose code could not be fetched (offline on first opening it) says so (lib/app/error-page.ts). */
export const handleError = ({ error }: { error: unknown }) => (isFailedImport(error) ? { message: OFFLINE_MESSAGE } : undefined);
