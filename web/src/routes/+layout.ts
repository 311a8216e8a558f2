// A client-only SPA: data comes from the local database, never from a server render.
export const ssr = false;
export const prerender = false;
