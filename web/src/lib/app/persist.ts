/** Asks the browser not to evict our IndexedDB under storage pressure (docs/DESIGN.md "Offline shell"). */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    if (!navigator.storage?.persist) return false;
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
