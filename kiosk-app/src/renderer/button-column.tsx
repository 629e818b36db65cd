import { BigButton } from './ui';

/** One button of a {@link ButtonColumn}: its label, action, test id, and whether secondary. */
export type ColumnButton = readonly [
  label: string,
  onClick: () => void,
  testId: string,
  secondary?: boolean,
];

/**
 * The big buttons that end a screen or make a menu, in a one-column grid (two on a wide
 * screen), in the order given; written as a table so each screen lists only what differs.
 */
export function ButtonColumn({ buttons }: { buttons: ColumnButton[] }) {
  return (
    <div className="grid-1">
      {buttons.map(([label, onClick, testId, secondary]) => (
        <BigButton
          key={testId}
          label={label}
          onClick={onClick}
          testId={testId}
          variant={secondary ? 'secondary' : 'primary'}
        />
      ))}
    </div>
  );
}
