import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { ScanAction, ScanResult } from '../../../../../shared/schemas/workshops';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { startSelfPatrol } from '../../../../services/inspections';
import { toastError } from '../../../../services/request';
import { resolveScan } from '../../../../services/workshops';
import { RiskTag } from '../../../../components/risk-tag';
import { Button } from '../../components/nut';
import { codeFromParams, codeFromScan } from '../../lib/scan-code';
import './index.scss';

/**
 * Where a workshop's QR label lands: the WeChat camera (`q` = the encoded link), a mini-program code
 * (`scene`), the browser (`q` = the token, redirected from `/q/<token>`), or the app's own scan button.
 * Shows the workshop and what the person may do there.
 */
export function ScanPage() {
  const { params } = useRouter();
  const [code, setCode] = useState(() => codeFromParams(params));
  const [manual, setManual] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  const scan = useQuery<ScanResult>(() => resolveScan(code), [code], { enabled: !!code });

  const scanAgain = async () => {
    try {
      // 'wxCode' (mini-program codes) is a WeChat scan type Taro's typings lack
      const scanType = ['qrCode', 'wxCode'] as unknown as (keyof Taro.scanCode.ScanType)[];
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType });
      const next = codeFromScan(res);
      if (next === code) void scan.reload();
      else setCode(next);
    } catch {
      // cancelled
    }
  };

  const act = async (a: ScanAction) => {
    if (a.type === 'continue_inspection') {
      navigateTo(withQuery(ROUTES.inspectionRun, { id: a.inspectionId, workshopId: a.workshopId }));
      return;
    }
    setBusy(a.type);
    try {
      const inspection = await startSelfPatrol(a.workshopId);
      navigateTo(withQuery(ROUTES.inspectionRun, { id: inspection.id, workshopId: a.workshopId }));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(null);
    }
  };

  const data = scan.data;
  return (
    <View className='page scan'>
      {!code ? (
        <View className='card'>
          <Text className='card__title'>扫描车间二维码</Text>
          <Text className='card__meta'>扫描张贴在车间的二维码标签，开始日巡查或继续互查。扫不了时输入标签上的手输码。</Text>
          {process.env.TARO_ENV === 'weapp' && (
            <View className='card__actions'>
              <Button className='btn scan__camera' type='primary' onClick={() => void scanAgain()}>
                扫一扫
              </Button>
            </View>
          )}
        </View>
      ) : (
        <StateView query={scan}>
          {data && (
            <View>
              <View className='card'>
                <View>
                  <Text className='scan__workshop'>{data.workshop.name}</Text>
                  <RiskTag level={data.workshop.riskLevel} />
                </View>
                <Text className='card__meta'>{data.enterprise.name}</Text>
                {data.workshop.location && <Text className='card__meta'>位置：{data.workshop.location}</Text>}
                {data.actions.length > 0 && (
                  <View className='card__actions scan__actions'>
                    {data.actions.map((a) => (
                      <Button
                        key={`${a.type}-${a.type === 'continue_inspection' ? a.inspectionId : a.workshopId}`}
                        className='btn'
                        type='primary'
                        loading={busy === a.type}
                        disabled={!!busy}
                        onClick={() => void act(a)}
                      >
                        {a.type === 'start_self_patrol' ? '开始日巡查' : '继续互查'}
                      </Button>
                    ))}
                  </View>
                )}
              </View>
              {data.actions.length === 0 && (
                <Text className='scan__none'>你不是该企业的人员，也没有被安排参加该企业正在进行的互查，不能在这里记录检查。</Text>
              )}
            </View>
          )}
        </StateView>
      )}
      <View className='scan__manual'>
        <FormField label='手输码' name='manualCode' value={manual} placeholder='标签上的 7 位手输码' maxlength={16} onInput={(v) => setManual(v.toUpperCase())} onConfirm={() => manual.trim() && setCode(manual.trim())} />
        <View className='card__actions'>
          <Button className='btn' type='primary' fill='outline' disabled={!manual.trim()} onClick={() => setCode(manual.trim())}>
            查询
          </Button>
          {code && process.env.TARO_ENV === 'weapp' && (
            <Button className='btn' type='primary' fill='outline' onClick={() => void scanAgain()}>
              重新扫码
            </Button>
          )}
        </View>
      </View>
    </View>
  );
}

export default ScanPage;
