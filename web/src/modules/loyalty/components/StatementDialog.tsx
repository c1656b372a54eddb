import { useApolloClient } from '@apollo/client/react';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MyLoyaltyStatementDocument } from '@/generated/graphql';
import { downloadCsv } from '@/lib/csv';
import { todayInRiyadh } from '@/lib/today';
import { LoyaltyActionError } from './LoyaltyActionError';

interface Period {
  from: string;
  to: string;
}

const yearBefore = (day: string): string => {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 364);
  return date.toISOString().slice(0, 10);
};

/**
 * The account's statement for a period, as the API writes it (every entry, its rule and running
 * balance), saved as a CSV file. A period of up to 366 days.
 */
export function StatementDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [form] = Form.useForm<Period>();
  const today = todayInRiyadh();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async ({ from, to }: Period) => {
    setSending(true);
    setError(null);
    try {
      const { data, error: failed } = await client.query({
        query: MyLoyaltyStatementDocument,
        variables: { from, to },
        fetchPolicy: 'network-only',
      });
      if (failed) throw failed;
      const statement = data?.me?.company?.loyalty?.statement;
      if (!statement) throw new Error('no statement');
      downloadCsv(`${t('loyalty.statementCsv')}-${from}-${to}.csv`, statement.csv);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal
      open
      title={t('loyalty.statementTitle')}
      okText={t('loyalty.statementDownload')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={sending ? undefined : onClose}
      destroyOnHidden
    >
      <p>{t('loyalty.statementDescription')}</p>
      <Form<Period>
        form={form}
        name="statement"
        layout="vertical"
        initialValues={{ from: yearBefore(today), to: today }}
        onFinish={(values) => void download(values)}
      >
        <Form.Item
          label={t('loyalty.from')}
          name="from"
          rules={[{ required: true, message: t('loyalty.dateRequired') }]}
        >
          <Input type="date" dir="ltr" max={today} />
        </Form.Item>
        <Form.Item
          label={t('loyalty.to')}
          name="to"
          dependencies={['from']}
          rules={[
            { required: true, message: t('loyalty.dateRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from = getFieldValue('from') as string | undefined;
                if (value && from && value < from) throw new Error(t('loyalty.toBeforeFrom'));
              },
            }),
          ]}
        >
          <Input type="date" dir="ltr" max={today} />
        </Form.Item>
      </Form>
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
