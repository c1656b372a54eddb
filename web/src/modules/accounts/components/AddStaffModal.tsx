import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddStaffDocument } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';

interface AddStaffValues {
  displayName: string;
  email: string;
  password: string;
}

export const MIN_PASSWORD = 12;

/** A manager gives a colleague an account for their company; they change the password later. */
export function AddStaffModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AddStaffValues>();
  const [error, setError] = useState<unknown>(null);
  const [addStaff, { loading }] = useMutation(AddStaffDocument, {
    refetchQueries: ['Staff'],
    awaitRefetchQueries: true,
  });

  const save = async (values: AddStaffValues) => {
    setError(null);
    try {
      await addStaff({
        variables: {
          input: {
            displayName: values.displayName.trim(),
            email: values.email.trim(),
            initialPassword: values.password,
          },
        },
      });
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('staff.addTitle')}
      okText={t('staff.add')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={loading}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<AddStaffValues> form={form} name="addStaff" layout="vertical" onFinish={(values) => void save(values)}>
        <Form.Item
          label={t('staff.name')}
          name="displayName"
          rules={[{ required: true, whitespace: true, message: t('staff.nameRequired') }]}
        >
          <Input autoComplete="off" dir="auto" />
        </Form.Item>
        <Form.Item
          label={t('auth.email')}
          name="email"
          rules={[
            { required: true, message: t('auth.emailRequired') },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input type="email" dir="ltr" autoComplete="off" />
        </Form.Item>
        <Form.Item
          label={t('staff.initialPassword')}
          name="password"
          extra={t('staff.passwordHelp', { min: MIN_PASSWORD })}
          rules={[
            { required: true, message: t('auth.passwordRequired') },
            { min: MIN_PASSWORD, message: t('staff.passwordTooShort', { min: MIN_PASSWORD }) },
          ]}
        >
          <Input.Password autoComplete="new-password" dir="ltr" />
        </Form.Item>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
