import { Table, type TableProps } from 'antd';

type DataTableProps<Row> = Omit<TableProps<Row>, 'scroll'> & {
  /** Names the scroll region for screen readers, e.g. the page heading. */
  label: string;
};

/**
 * An antd Table in a keyboard-focusable, labelled scroll region: wide tables scroll sideways on
 * small screens, and keyboard users must be able to scroll them too (WCAG 2.1.1).
 */
export function DataTable<Row extends object>({ label, ...props }: DataTableProps<Row>) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <Table<Row> pagination={false} {...props} />
    </div>
  );
}
