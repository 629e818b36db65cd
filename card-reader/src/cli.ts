// Field check for a reader: lists readers, then for each inserted card shows the holder and
// whether the reader has a pinpad. Never asks for or sends a PIN.
// npx tsx card-reader/src/cli.ts     (pcscd must be running; Ctrl+C to stop)
import { createPcscReaderService } from './pcsc-reader-service';
import { openIdCardSession } from './id-card-session';

const service = createPcscReaderService();
setTimeout(() => console.log(`readers: ${service.readers().join(' | ') || '(none yet)'}`), 1_000);

service.on('removed', (e) => console.log(`removed: ${e.reader}`));
service.on('inserted', (e) => {
  console.log(`inserted: ${e.reader}`);
  void (async () => {
    try {
      const session = await openIdCardSession(service, e.reader);
      const { holder } = await session.readCertificate();
      const tries = await session.pinTriesLeft();
      console.log(
        `  holder ${holder.givenName} ${holder.surname} ${holder.peselMasked}; PIN tries left ${tries}`,
      );
      console.log(`  pinpad: ${(await session.hasPinpad()) ? 'yes' : 'no'}`);
      await session.close();
    } catch (err) {
      console.log(`  ${(err as { code?: string }).code ?? 'ERROR'}: ${(err as Error).message}`);
    }
  })();
});

const stop = () => {
  service.close();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
