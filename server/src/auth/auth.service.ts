import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../../../shared/policy';
import type { CreateUserBody, LoginResponse, Me, PasswordLoginBody } from '../../../shared/schemas/auth';
import { AppError } from '../common/app-error';
import { MembershipsService } from '../org/memberships.service';
import { UsersService } from '../users/users.service';
import { WeChatClient } from '../wechat/wechat.client';
import { verifyPassword } from './password';
import { TokenService } from './token.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
    private readonly wechat: WeChatClient,
    private readonly memberships: MembershipsService,
  ) {}

  async passwordLogin(body: PasswordLoginBody): Promise<LoginResponse> {
    const user = await this.users.findByUsername(body.username);
    const ok = await verifyPassword(body.password, user?.passwordHash ?? null);
    if (!user || !ok) throw new AppError('INVALID_CREDENTIALS', HttpStatus.UNAUTHORIZED);
    return this.session(user.id);
  }

  async wechatLogin(code: string): Promise<LoginResponse> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    const user = await this.users.findOrCreateByOpenid(openid, unionid);
    return this.session(user.id);
  }

  me(actor: Principal): Promise<Me> {
    return this.users.me(actor.userId);
  }

  /** Anyone logged in binds their own number; WeChat vouches for it (the code cannot be forged). */
  async bindPhone(actor: Principal, code: string): Promise<Me> {
    const { phoneNumber } = await this.wechat.getPhoneNumber(code);
    await this.users.setPhone(actor.userId, phoneNumber);
    return this.users.me(actor.userId);
  }

  async createUser(actor: Principal, body: CreateUserBody): Promise<Me> {
    const pairs = body.roles.filter((g) => g.enterpriseId && g.cooperativeId);
    const active = await this.memberships.activePairs(
      pairs.map((g) => ({ enterpriseId: g.enterpriseId as string, cooperativeId: g.cooperativeId as string })),
    );
    return this.users.createDeskUser(actor, body, (e, c) => active.has(`${e}:${c}`));
  }

  private async session(userId: string): Promise<LoginResponse> {
    return { ...this.tokens.issue(userId), user: await this.users.me(userId) };
  }
}
