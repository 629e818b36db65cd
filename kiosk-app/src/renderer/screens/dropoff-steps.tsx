import { useTranslation } from 'react-i18next';
import type { DocumentForm } from '@skr/protocol/branch-pue';
import type { Lang } from '@skr/protocol/domain';
import type { KioskBridge, KioskFile } from '@skr/protocol/kiosk-bridge';
import { api } from '../api';
import { BigButton, ErrorBox, Screen } from '../ui';
import { useLoad } from '../use-load';

/** The test ids of a drop-off's step: the screen's, and the prefix of its buttons'. */
interface StepIds {
  testId: string;
  itemTestId: string;
}

/** Step 1 of a drop-off: the form, from the branch's catalogue. */
export function FormStep(
  props: StepIds & {
    title: string;
    lang: Lang;
    onPick: (f: DocumentForm) => void;
    onBack: () => void;
  },
) {
  const { data, error } = useLoad(() => api.call('documentForms'), []);
  return (
    <Screen title={props.title} onBack={props.onBack} testId={props.testId}>
      <ErrorBox error={error} />
      <div className="grid-2">
        {data?.forms.map((f) => (
          <BigButton
            key={f.code}
            label={f.names[props.lang]}
            hint={f.code}
            onClick={() => props.onPick(f)}
            testId={`${props.itemTestId}${f.code.replace(/\W+/g, '-')}`}
          />
        ))}
      </div>
    </Screen>
  );
}

/** Step 2: the paper through the scanner, or a file from the USB stick (both listed). */
export function FileStep(
  props: StepIds & {
    bridge: KioskBridge;
    onPick: (f: KioskFile) => void;
    onBack: () => void;
  },
) {
  const { t } = useTranslation();
  const { data, error } = useLoad(() => props.bridge.call('listFiles', {}), [props.bridge]);
  const files = data?.files;
  return (
    <Screen title={t('docs.file')} onBack={props.onBack} testId={props.testId}>
      <ErrorBox error={error} />
      {files?.length === 0 && <p>{t('docs.noFiles')}</p>}
      <div className="grid-1">
        {files?.map((f) => (
          <BigButton
            key={`${f.source}/${f.name}`}
            label={f.name}
            hint={`${t(`docs.${f.source}`)} · ${Math.ceil(f.bytes / 1024)} kB`}
            onClick={() => props.onPick(f)}
            testId={`${props.itemTestId}${f.name}`}
          />
        ))}
      </div>
    </Screen>
  );
}

/** What every drop-off sends about the chosen file and form (logged in or not). */
export function fileAndForm(
  file: KioskFile,
  form: { code: string; names: Record<Lang, string> },
  lang: Lang,
) {
  return {
    source: file.source,
    name: file.name,
    formCode: form.code,
    // The slip prints a form name of at most 60 characters.
    formName: form.names[lang].slice(0, 60),
    lang,
  };
}
