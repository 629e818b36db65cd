import { PrinterModel } from '@skr/protocol/printer';

// Printer models are data: adding a model is adding an entry here, not code. Code page
// numbers are the model's ESC t table (they differ between vendors); both classes below
// answer DLE EOT and GS r, cut partially and print native QR (GS ( k).

/** What both classes share: Cyrillic on WPC1251, the same ESC t numbers, cutter and QR. */
const eightyMillimetre = {
  cyrillicCodepage: 'windows1251',
  codepageNumbers: { cp852: 18, windows1250: 45, cp866: 17, windows1251: 46 },
  cutter: 'partial',
  qr: { supported: true, moduleSize: 6 },
} as const;

const epsonTmT88 = PrinterModel.parse({
  ...eightyMillimetre,
  id: 'epson-tm-t88',
  name: 'Epson TM-T88 class (TM-T88IV/V/VI/VII, 80 mm)',
  columns: 42,
  latinCodepage: 'cp852',
  feedBeforeCut: 4,
  logo: { command: 'gs-l', key: 'LG' },
});

// Custom's VKP80 kiosk printer: 80 mm, Font A 12x24 gives 48 columns at 576 dots; its
// Polish setup is WPC1250. Check codepageNumbers against the unit's command reference
// (Custom numbers some tables differently from Epson) before a new firmware goes out.
const customVkp80 = PrinterModel.parse({
  ...eightyMillimetre,
  id: 'custom-vkp80',
  name: 'Custom VKP80 class (VKP80II/III, 80 mm kiosk)',
  columns: 48,
  latinCodepage: 'windows1250',
  feedBeforeCut: 5,
  logo: { command: 'fs-p', image: 1 },
});

/** Known printer models by id ('epson-tm-t88', 'custom-vkp80'). */
export const printerModels: Readonly<Record<'epson-tm-t88' | 'custom-vkp80', PrinterModel>> = {
  'epson-tm-t88': epsonTmT88,
  'custom-vkp80': customVkp80,
};

/** Id of a built-in model. */
export type PrinterModelId = keyof typeof printerModels;
