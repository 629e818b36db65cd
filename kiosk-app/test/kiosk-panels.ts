/** The three panels the kiosk is sold with: portrait 1080×1920, landscape 1920×1080, 1280×1024. */
export const KIOSK_PANELS = [
  { name: 'portrait', width: 1080, height: 1920 },
  { name: 'landscape', width: 1920, height: 1080 },
  { name: '1280x1024', width: 1280, height: 1024 },
] as const;
