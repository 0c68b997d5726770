import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Enterprise, InvitationPreview } from '../../../../../shared/schemas/org';
import { PrivacySheet } from '../../../../components/privacy-sheet';
import { StateView } from '../../../../components/state-view';
import { askSubscribe, primeSubscribe } from '../../../../lib/subscribe';
import { useQuery } from '../../../../hooks/use-query';
import { relaunch } from '../../../../lib/nav';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { hasToken } from '../../../../services/auth';
import { acceptInvitation, invitationQrUrl, myEnterprises, previewInvitation } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { storage } from '../../../../services/storage';
import { EnterpriseForm } from '../../components/enterprise-form';
import { Button, Cell, CellGroup, Tag } from '../../components/nut';
import { EMPTY_ENTERPRISE, validateEnterprise, type FieldErrors } from '../../lib/enterprise-validation';
import { extractInvitationCode, invitationCodeFromParams } from '../../lib/join-code';
import './index.scss';

interface Owned extends Pick<Enterprise, 'id' | 'name'> {
  /** Already an active member of the invitation's cooperative: nothing to join. */
  alreadyMember: boolean;
}

function isActiveMember(e: Enterprise, cooperativeId: string): boolean {
  return e.memberships.some((m) => m.cooperativeId === cooperativeId && !m.until);
}

export function JoinPage() {
  const router = useRouter();
  // the template ids read ahead, so the join tap can ask at once
  useEffect(primeSubscribe, []);
  const [codeInput, setCodeInput] = useState('');
  const [code, setCode] = useState<string | null>(() => invitationCodeFromParams(router.params));
  // In a browser without a login (a stranger who opened an invitation link) there is nobody to join as:
  // show the invitation and its QR code to scan in WeChat instead of a bare login form.
  const stranger = process.env.TARO_ENV === 'h5' && !hasToken();
  const [chosenMode, setMode] = useState<'existing' | 'new' | null>(null);
  const [form, setForm] = useState(EMPTY_ENTERPRISE);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const invitation = useQuery(
    async (): Promise<{ preview: InvitationPreview; owned: Owned[] }> => {
      const c = code ?? '';
      if (stranger) return { preview: await previewInvitation(c), owned: [] };
      const [p, mine] = await Promise.all([previewInvitation(c), myEnterprises()]);
      return { preview: p, owned: mine.map((e) => ({ id: e.id, name: e.name, alreadyMember: isActiveMember(e, p.cooperativeId) })) };
    },
    [code, stranger],
    { enabled: !!code },
  );
  const preview = invitation.data?.preview ?? null;
  const owned = invitation.data?.owned ?? [];
  const mode = chosenMode ?? (owned.length > 0 ? 'existing' : 'new');

  const submitCode = (text: string) => {
    // a pasted invitation link or message works as well as the bare code
    const c = extractInvitationCode(text);
    if (!c) {
      void Taro.showToast({ title: '请输入 8 位邀请码，或粘贴邀请链接', icon: 'none' });
      return;
    }
    setMode(null);
    setCode(c);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false });
      submitCode(res.result || res.path || '');
    } catch {
      // cancelled, or privacy consent refused: manual entry stays available
    }
  };

  const join = async (body: Parameters<typeof acceptInvitation>[1]) => {
    if (!code) return;
    // asked at the tap (WeChat refuses the prompt after the request's round trip); the join goes on meanwhile
    void askSubscribe('joined');
    setBusy(true);
    try {
      const res = await acceptInvitation(code, body);
      storage.set('me', res.user);
      await Taro.showToast({ title: '已加入合作社', icon: 'success' });
      setTimeout(() => relaunch(ROUTES.home), 800);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) {
        const byField: FieldErrors = {};
        for (const [k, v] of Object.entries(e.fields)) byField[k.replace(/^enterprise\./, '')] = v;
        setErrors(byField);
      }
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const submitNew = () => {
    const result = validateEnterprise(form);
    if (!result.ok) {
      setErrors(result.errors);
      void Taro.showToast({ title: '请检查标红的项目', icon: 'none' });
      return;
    }
    setErrors({});
    void join({ enterprise: result.value });
  };

  if (!code) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='card__title'>输入邀请码</Text>
          <Text className='card__meta'>向合作社管理员索取 8 位邀请码，或扫描邀请二维码；也可以直接粘贴收到的邀请链接。</Text>
          <Input
            className='field__input join__code'
            value={codeInput}
            maxlength={500}
            placeholder='例如 AB12CD34，或粘贴邀请链接'
            onInput={(e) => setCodeInput(e.detail.value)}
            onConfirm={() => submitCode(codeInput)}
          />
          <View className='card__actions'>
            {process.env.TARO_ENV === 'weapp' && (
              <Button className='btn' type='primary' fill='outline' onClick={() => void scan()}>
                扫码
              </Button>
            )}
            <Button className='btn' type='primary' onClick={() => submitCode(codeInput)}>
              查看邀请
            </Button>
          </View>
        </View>
        <PrivacySheet purpose='扫描邀请二维码需要使用摄像头' />
      </View>
    );
  }

  return (
    <View className='page'>
      <StateView query={invitation}>
        {preview && stranger && <StrangerInvitation preview={preview} />}
        {preview && !stranger && (
          <View>
            <View className='card'>
              <Text className='card__title'>{preview.cooperativeName}</Text>
              <Text className='card__meta'>{preview.regionName}</Text>
              <Text className='card__meta join__validity'>
                邀请码 {preview.code} · 有效期至 {formatDateTime(preview.expiresAt)}
              </Text>
              {preview.enterpriseName && <Text className='card__meta'>专属邀请：{preview.enterpriseName}</Text>}
              {!preview.valid && <Text className='field__error'>该邀请码已失效，请联系管理员重新邀请。</Text>}
              <View className='card__actions'>
                <Button className='btn' size='small' onClick={() => setCode(null)}>
                  换一个邀请码
                </Button>
              </View>
            </View>
            {preview.valid && mode === 'existing' && (
              <ExistingEnterprises
                owned={owned}
                cooperativeId={preview.cooperativeId}
                busy={busy}
                onJoin={(id) => void join({ enterpriseId: id })}
                onNew={() => setMode('new')}
              />
            )}
            {preview.valid && mode === 'new' && (
              <View>
                <Text className='section-title'>登记企业信息</Text>
                <EnterpriseForm values={form} errors={errors} onChange={setForm} />
                <View className='block-btn block-btn--stack'>
                  <Button className='join__submit' block type='primary' loading={busy} disabled={busy} onClick={submitNew}>
                    提交并加入
                  </Button>
                  {owned.length > 0 && (
                    <Button block onClick={() => setMode('existing')}>
                      用已有企业加入
                    </Button>
                  )}
                </View>
              </View>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

/** The invitation as a stranger in a browser sees it: what it is, and the code to scan with WeChat. */
function StrangerInvitation({ preview }: { preview: InvitationPreview }) {
  const here = withQuery(ROUTES.join, { code: preview.code });
  return (
    <View className='card join__stranger'>
      <Text className='card__meta'>邀请您加入</Text>
      <Text className='card__title'>{preview.cooperativeName}</Text>
      <Text className='card__meta'>{preview.regionName}</Text>
      {preview.enterpriseName && <Text className='card__meta'>专属邀请：{preview.enterpriseName}</Text>}
      <Text className='card__meta join__validity'>
        邀请码 {preview.code} · 有效期至 {formatDateTime(preview.expiresAt)}
      </Text>
      {preview.valid ? (
        <View>
          <Image className='invite__qr join__qr' src={invitationQrUrl(preview.code)} mode='scaleToFill' />
          <Text className='join__how'>请用手机微信“扫一扫”扫描上方二维码，在“安全互助”小程序中登记企业信息并加入合作社。</Text>
          <Text className='card__meta'>也可以在小程序“我的 → 加入合作社”中输入邀请码 {preview.code}。</Text>
        </View>
      ) : (
        <Text className='field__error'>该邀请码已失效，请联系合作社管理员重新邀请。</Text>
      )}
      <View className='card__actions'>
        <Button className='btn' fill='outline' type='primary' onClick={() => relaunch(withQuery(ROUTES.login, { redirect: here }))}>
          已有桌面账号？登录后加入
        </Button>
      </View>
    </View>
  );
}

interface ExistingEnterprisesProps {
  owned: Owned[];
  cooperativeId: string;
  busy: boolean;
  onJoin: (enterpriseId: string) => void;
  onNew: () => void;
}

/** The caller's own enterprises: join with one, or see that it is a member already. */
function ExistingEnterprises({ owned, cooperativeId, busy, onJoin, onNew }: ExistingEnterprisesProps) {
  const allMembers = owned.length > 0 && owned.every((e) => e.alreadyMember);
  return (
    <View>
      {allMembers && (
        <View className='card join__done'>
          <Text className='card__title'>已是本合作社成员</Text>
          <Text className='card__meta'>
            {owned.length === 1 ? `您的企业“${owned[0].name}”` : '您的企业'}已在本合作社，无需再次加入。
          </Text>
          <View className='card__actions'>
            <Button
              className='btn'
              type='primary'
              onClick={() => void Taro.redirectTo({ url: withQuery(ROUTES.directory, { cooperativeId }) }).catch(() => undefined)}
            >
              查看成员名录
            </Button>
            <Button className='btn' onClick={() => relaunch(ROUTES.home)}>
              返回首页
            </Button>
          </View>
        </View>
      )}
      <CellGroup className='join__owned' title={allMembers ? '我的企业' : '选择以哪个企业加入'}>
        {owned.map((e) => (
          <Cell
            key={e.id}
            align='center'
            title={e.name}
            extra={
              e.alreadyMember ? (
                <Tag type='success'>已是成员</Tag>
              ) : (
                <Button type='primary' size='small' disabled={busy} onClick={() => onJoin(e.id)}>
                  以此企业加入
                </Button>
              )
            }
          />
        ))}
      </CellGroup>
      <View className='block-btn'>
        <Button block fill='outline' type='primary' onClick={onNew}>
          {allMembers ? '登记其他企业加入' : '登记新企业'}
        </Button>
      </View>
    </View>
  );
}

export default JoinPage;
