import { Button, Form, Input, Select, type FormInstance, type SelectProps } from 'antd';
import type { BaseOptionType, DefaultOptionType } from 'antd/es/select';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface FilterBarProps<Values extends object> {
  /** The form's name; antd builds each field's id from it (`<name>_<field>`). */
  name: string;
  /** The accessible name of the search landmark, e.g. "Filter the requests". */
  label: string;
  form?: FormInstance<Values>;
  initialValues?: Partial<Values>;
  /** Every value of the form after any field changed. */
  onChange?: (values: Values) => void;
  /** Shows a "Clear filters" button at the end of the bar. */
  onClear?: () => void;
  children: ReactNode;
}

/** The filters above a list: a vertical form that is a labelled search landmark (`role="search"`). */
export function FilterBar<Values extends object>({
  name,
  label,
  form,
  initialValues,
  onChange,
  onClear,
  children,
}: FilterBarProps<Values>) {
  const { t } = useTranslation();
  return (
    <Form<Values>
      form={form}
      name={name}
      layout="vertical"
      className="filter-bar"
      role="search"
      aria-label={label}
      initialValues={initialValues}
      onValuesChange={onChange && ((_, all) => onChange(all))}
    >
      {children}
      {onClear && (
        <Form.Item className="filter-bar__actions">
          <Button onClick={onClear}>{t('common.clearFilters')}</Button>
        </Form.Item>
      )}
    </Form>
  );
}

type FilterSelectProps<Value, OptionType extends BaseOptionType> = Omit<
  SelectProps<Value, OptionType>,
  'showSearch'
> & {
  label: ReactNode;
  name: string;
  /** For long labels (company names) and multiple choices. */
  wide?: boolean;
  /** Type to narrow the options by their label (companies, providers, countries). */
  searchable?: boolean;
};

/**
 * A labelled select in a filter bar. By default it may be cleared and then reads "All"; a select
 * that always holds a value (a season, a range) passes `allowClear={false}` and shows no placeholder.
 */
export function FilterSelect<Value, OptionType extends BaseOptionType = DefaultOptionType>({
  label,
  name,
  wide = false,
  searchable = false,
  allowClear = true,
  placeholder,
  className,
  ...select
}: FilterSelectProps<Value, OptionType>) {
  const { t } = useTranslation();
  return (
    <Form.Item label={label} name={name}>
      <Select<Value, OptionType>
        allowClear={allowClear}
        showSearch={searchable ? { optionFilterProp: 'label' } : undefined}
        placeholder={placeholder ?? (allowClear ? t('common.all') : undefined)}
        className={['filter-bar__select', wide && 'filter-bar__select--wide', className].filter(Boolean).join(' ')}
        {...select}
      />
    </Form.Item>
  );
}

/** The bar's free-text search box, which takes the room the selects leave. */
export function FilterSearch({ label, name }: { label: ReactNode; name: string }) {
  return (
    <Form.Item label={label} name={name} className="filter-bar__search">
      <Input type="search" autoComplete="off" />
    </Form.Item>
  );
}
