// Error codes of the API and the Chinese text the clients show for each.
export const ERROR_MESSAGES = {
  BAD_REQUEST: '请求格式不正确',
  MALFORMED_JSON: '请求内容不是有效的 JSON',
  VALIDATION_FAILED: '提交的内容有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  INVALID_CREDENTIALS: '用户名或密码错误',
  FORBIDDEN: '没有权限执行此操作',
  NOT_FOUND: '记录不存在或无权查看',
  ROUTE_NOT_FOUND: '接口不存在',
  CONFLICT: '当前状态不允许此操作',
  USERNAME_TAKEN: '用户名已被使用',
  CREDIT_CODE_TAKEN: '该统一社会信用代码已登记',
  ALREADY_MEMBER: '该企业已是本合作社成员',
  INVITATION_EXPIRED: '邀请码已过期',
  INVITATION_USED_UP: '邀请码已用完',
  INVITATION_REVOKED: '邀请码已作废',
  INVITATION_FOR_OTHER_ENTERPRISE: '此邀请仅用于指定企业加入',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  FILE_TOO_LARGE: '文件过大',
  UNSUPPORTED_FILE_TYPE: '只能上传 JPEG、PNG、WebP 图片或 PDF 文件',
  QR_TOKEN_ROTATED: '该标签已作废，请使用新标签',
  INSPECTION_SUBMITTED: '该检查已提交，不能再修改',
  INSPECTION_NOT_STARTED: '检查尚未开始',
  CHECKLIST_CHANGED: '检查表已被他人修改，请刷新后重试',
  HAZARD_ILLEGAL_MOVE: '隐患当前状态不能进行此操作，请刷新后查看',
  HAZARD_PLAN_REQUIRED: '重大隐患须先填报治理方案（五定）再提交整改',
  HAZARD_CHANGED: '该隐患已被他人处理，请刷新后查看',
  HAZARD_EXTENSION_PENDING: '已有延期申请待审批',
  HAZARD_NO_EXTENSION_REQUEST: '没有待审批的延期申请',
  SCAN_UNKNOWN: '无法识别该二维码，或您无权查看',
  CHECKIN_CODE_EXPIRED: '签到码已过期，请重新扫描现场二维码',
  CHECKIN_CODE_INVALID: '签到码无效，请扫描活动现场的签到二维码',
  NOTICE_CHANGED: '通知内容已更新，请重新阅读后确认',
  PRESCRIPTION_NOT_READY: '检查提交后才能出具整改处方',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  WECHAT_CODE_INVALID: '微信登录凭证无效，请重新登录',
  WECHAT_CODE_USED: '微信登录凭证已使用，请重新登录',
  WECHAT_RATE_LIMITED: '微信登录过于频繁，请稍后再试',
  WECHAT_USER_BLOCKED: '该微信账号存在风险，暂不能登录',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHAT_MISCONFIGURED: '微信登录配置有误，请联系管理员',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  DB_UNAVAILABLE: '数据库暂时不可用，请稍后再试',
  DB_CONFLICT: '有人正在同时修改，请稍后重试',
  INTERNAL: '服务器开小差了，请稍后再试',
  NETWORK: '网络连接失败，请检查网络',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export function errorMessage(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL;
}

export function isApiErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null) return false;
  const e = (v as { error?: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string';
}
