import { SerialPort } from 'serialport';
import { blankBoard, handleEvent } from './board-logic';
import type { EmulatedBoard, EmulatorFrameEvent } from './board-logic';
import { BoardFrameDecoder, decodeBoardFrames } from './frame-decoder';
import type { HeardFrame } from './frame-decoder';
import { encodeBoardFrame } from './frame-encoder';
import { BOARD_ETX } from './wire-format';
import { openPtyPair } from './pty-pair';

export type { EmulatedBoard, EmulatorFrameEvent, FrameOutcome } from './board-logic';

/** Options of the LED board emulator. */
export interface LedBoardEmulatorOptions {
  /** Addresses of the boards on this emulated bus (counter numbers, the hall board's address). */
  addresses: number[];
  /** Where to link the driver's end of the pty pair; a temp path when omitted. */
  ptyPath?: string;
}

/** Faults to inject; counts apply to the next frames addressed to a board here (or broadcast). */
export interface LedFaults {
  /** Ignore the next N frames entirely, as if lost on the wire (the driver times out). */
  drop?: number;
  /** Corrupt the next N incoming frames before the board checks them (the board NAKs CRC). */
  garble?: number;
  /** Corrupt the next N replies on their way back (the driver sees noise and times out). */
  garbleReplies?: number;
  /** Boards that are powered off: they hear nothing and answer nothing. Replaces the list. */
  deadAddresses?: number[];
}

/** A running emulator: a bus of boards on a pty. */
export interface LedBoardEmulator {
  /** The pty end the driver opens. */
  devicePath: string;
  /** Live state of each board, by address. */
  boards: Map<number, EmulatedBoard>;
  /** Sets faults; keys not given stay as they were. */
  setFault(faults: LedFaults): void;
  /** Calls back for every frame heard; returns the unsubscribe function. */
  onFrame(listener: (event: EmulatorFrameEvent) => void): () => void;
  /** Closes the port and stops socat. */
  close(): Promise<void>;
}

/** Starts the emulator: spawns a socat pty pair and answers frames on one end of it. */
export async function startLedBoardEmulator(
  options: LedBoardEmulatorOptions,
): Promise<LedBoardEmulator> {
  const pty = await openPtyPair(options.ptyPath);
  const port = new SerialPort({ path: pty.emulatorPath, baudRate: 9600, autoOpen: false });
  try {
    await new Promise<void>((resolve, reject) =>
      port.open((err) => (err ? reject(err) : resolve())),
    );
  } catch (error) {
    await pty.close();
    throw error;
  }
  const boards = new Map<number, EmulatedBoard>(options.addresses.map((a) => [a, blankBoard()]));
  const faults = { drop: 0, garble: 0, garbleReplies: 0, dead: new Set<number>() };
  const listeners = new Set<(event: EmulatorFrameEvent) => void>();
  // The boards' own receiver (not the driver's codec): see wire-format.ts for why.
  const receiver = new BoardFrameDecoder();

  const isForUs = (event: HeardFrame) => {
    const address = event.type === 'frame' ? event.frame.address : event.address;
    return address === 0 || (address !== undefined && boards.has(address));
  };

  const hear = (event: HeardFrame): EmulatorFrameEvent => {
    if (isForUs(event) && faults.drop > 0) {
      faults.drop--;
      const header = event.type === 'frame' ? event.frame : event;
      return { outcome: 'dropped', address: header.address, seq: header.seq };
    }
    if (event.type === 'frame' && isForUs(event) && faults.garble > 0) {
      faults.garble--;
      // Real corruption: flip a bit on the wire bytes and let the board's own decoder judge them.
      const [garbled] = decodeBoardFrames(corrupt(encodeBoardFrame(event.frame)));
      if (garbled) event = garbled;
    }
    const { reply, report } = handleEvent(boards, faults.dead, event);
    if (reply) {
      let bytes = encodeBoardFrame(reply);
      if (faults.garbleReplies > 0) {
        faults.garbleReplies--;
        bytes = corrupt(bytes);
      }
      port.write(Buffer.from(bytes));
    }
    return report;
  };

  port.on('data', (chunk: Buffer) => {
    for (const event of receiver.push(new Uint8Array(chunk))) {
      const report = hear(event);
      for (const listener of listeners) listener(report);
    }
  });
  port.on('error', () => undefined);

  return {
    devicePath: pty.devicePath,
    boards,
    setFault(next) {
      if (next.drop !== undefined) faults.drop = next.drop;
      if (next.garble !== undefined) faults.garble = next.garble;
      if (next.garbleReplies !== undefined) faults.garbleReplies = next.garbleReplies;
      if (next.deadAddresses !== undefined) faults.dead = new Set(next.deadAddresses);
    },
    onFrame(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
      await pty.close();
    },
  };
}

/** Flips the top bit of the last byte before ETX (the CRC), keeping framing bytes intact. */
function corrupt(frame: Uint8Array): Uint8Array {
  const bytes = frame.slice();
  const at = bytes.lastIndexOf(BOARD_ETX) - 1;
  const byte = bytes[at] ?? 0;
  const flipped = byte ^ 0x80;
  bytes[at] = flipped === 0x02 || flipped === 0x03 || flipped === 0x10 ? byte ^ 0x40 : flipped;
  return bytes;
}
