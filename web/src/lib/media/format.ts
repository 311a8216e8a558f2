/** "Video", "Photo", "PDF": what a file is, for people. */
export const fileLabel = (type: string): string => (type.startsWith('video/') ? 'Video' : type.startsWith('image/') ? 'Photo' : type === 'application/pdf' ? 'PDF' : 'File');

/** 1.2 MB, 340 KB. */
export const sizeText = (bytes: number): string =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
