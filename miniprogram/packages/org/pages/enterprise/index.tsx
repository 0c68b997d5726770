import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { canEditEnterprise, canManageCooperative } from '../../../../../shared/policy';
import type { Enterprise } from '../../../../../shared/schemas/org';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDate } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { cachedMe, fetchMe, principalOf } from '../../../../services/auth';
import { getEnterprise, updateEnterprise } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { EnterpriseForm } from '../../components/enterprise-form';
import { Button, Cell, CellGroup, Tag } from '../../components/nut';
import { validateEnterpriseUpdate, type EnterpriseFormValues, type FieldErrors } from '../../lib/enterprise-validation';
import './index.scss';

function toForm(e: Enterprise): EnterpriseFormValues {
  return {
    name: e.name,
    creditCode: e.creditCode,
    industry: e.industry,
    address: e.address,
    headcount: String(e.headcount),
    contactName: e.contactName,
    contactPhone: e.contactPhone,
  };
}

export function EnterprisePage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [form, setForm] = useState<EnterpriseFormValues | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const query = useQuery(
    async () => {
      const cached = cachedMe();
      const [e, me] = await Promise.all([getEnterprise(id), cached ? Promise.resolve(cached) : fetchMe()]);
      Taro.setNavigationBarTitle({ title: e.name }).catch(() => undefined);
      return { enterprise: e, principal: principalOf(me) };
    },
    [id],
    { enabled: !!id },
  );
  const enterprise = query.data?.enterprise ?? null;
  const principal = query.data?.principal;
  const activeCoops = enterprise ? enterprise.memberships.filter((m) => !m.until) : [];
  const canEdit = !!enterprise && !!principal && canEditEnterprise(principal, { id: enterprise.id, cooperativeIds: activeCoops.map((m) => m.cooperativeId), regionIds: [] });
  // a coop admin sends a pre-registered enterprise its own invitation (link + QR) to claim it
  const invitableCoops = principal ? activeCoops.filter((m) => canManageCooperative(principal, m.cooperativeId)) : [];

  const save = async () => {
    if (!form) return;
    const result = validateEnterpriseUpdate(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setBusy(true);
    try {
      const updated = await updateEnterprise(id, result.value);
      if (query.data) query.setData({ ...query.data, enterprise: updated });
      setForm(null);
      setErrors({});
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      if (e instanceof ApiError) setErrors(e.fields);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page'>
      <StateView query={query} error={id ? query.error : '缺少企业参数'}>
        {enterprise && !form && (
          <View>
            <View className='card'>
              <Text className='card__title'>{enterprise.name}</Text>
              <Text className='card__meta'>{enterprise.industry}</Text>
            </View>
            <CellGroup className='profile' title='企业信息'>
              <Cell title='统一社会信用代码' extra={enterprise.creditCode} />
              <Cell title='所属行业' extra={enterprise.industry} />
              <Cell title='地址' extra={enterprise.address} />
              <Cell title='从业人数' extra={`${enterprise.headcount} 人`} />
              <Cell title='联系人' extra={enterprise.contactName} />
              <Cell title='联系电话' extra={enterprise.contactPhone} />
            </CellGroup>
            <CellGroup className='profile' title='所属合作社'>
              {enterprise.memberships.length === 0 && <Cell title='暂未加入合作社' />}
              {enterprise.memberships.map((m) => (
                <Cell
                  key={`${m.cooperativeId}-${m.since}`}
                  title={
                    <View className='profile__coop'>
                      <Text>{m.cooperativeName}</Text>
                      {m.isLead && (
                        <Tag type='warning' className='profile__tag'>
                          龙头企业
                        </Tag>
                      )}
                      {m.until && (
                        <Tag type='default' className='profile__tag'>
                          已退出
                        </Tag>
                      )}
                    </View>
                  }
                  description={`${formatDate(m.since)} 加入${m.until ? `，${formatDate(m.until)} 退出` : ''}`}
                />
              ))}
            </CellGroup>
            {(canEdit || invitableCoops.length > 0) && (
              <View className='block-btn block-btn--stack'>
                {canEdit && (
                  <Button block type='primary' onClick={() => setForm(toForm(enterprise))}>
                    编辑企业信息
                  </Button>
                )}
                {canEdit && (
                  <Button block type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.workshops, { enterpriseId: enterprise.id }))}>
                    车间与二维码
                  </Button>
                )}
                {invitableCoops.map((m) => (
                  <Button
                    key={m.cooperativeId}
                    block
                    type='primary'
                    fill='outline'
                    onClick={() => navigateTo(withQuery(ROUTES.invite, { cooperativeId: m.cooperativeId, enterpriseId: enterprise.id }))}
                  >
                    {invitableCoops.length > 1 ? `发送专属邀请（${m.cooperativeName}）` : '发送专属邀请'}
                  </Button>
                ))}
              </View>
            )}
          </View>
        )}
        {enterprise && form && (
          <View>
            <EnterpriseForm values={form} errors={errors} onChange={setForm} lockCreditCode />
            <View className='block-btn block-btn--stack'>
              <Button block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
                保存
              </Button>
              <Button block onClick={() => { setForm(null); setErrors({}); }}>
                取消
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default EnterprisePage;
