import { Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../shared/policy';
import {
  type BindPhoneBody,
  type CreateUserBody,
  type LoginResponse,
  type Me,
  type PasswordLoginBody,
  type WechatLoginBody,
  bindPhoneSchema,
  createUserSchema,
  loginResponseSchema,
  meSchema,
  passwordLoginSchema,
  wechatLoginSchema,
} from '../../../shared/schemas/auth';
import { Actor, Public } from '../common/auth.decorators';
import { Returns, ZBody } from '../common/zod';
import { AuthService } from './auth.service';
import { LoginThrottlerGuard } from './login-throttler.guard';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/wechat')
  @HttpCode(200)
  @Returns(loginResponseSchema)
  wechat(@ZBody(wechatLoginSchema) body: WechatLoginBody): Promise<LoginResponse> {
    return this.auth.wechatLogin(body.code);
  }

  @Public()
  @UseGuards(LoginThrottlerGuard)
  @Post('auth/password')
  @HttpCode(200)
  @Returns(loginResponseSchema)
  password(@ZBody(passwordLoginSchema) body: PasswordLoginBody): Promise<LoginResponse> {
    return this.auth.passwordLogin(body);
  }

  @ApiBearerAuth()
  @Get('me')
  @Returns(meSchema)
  me(@Actor() actor: Principal): Promise<Me> {
    return this.auth.me(actor);
  }

  /** Binds the caller's phone from WeChat's getPhoneNumber button; answers the caller with the number. */
  @ApiBearerAuth()
  @Post('me/phone')
  @HttpCode(200)
  @Returns(meSchema)
  bindPhone(@Actor() actor: Principal, @ZBody(bindPhoneSchema) body: BindPhoneBody): Promise<Me> {
    return this.auth.bindPhone(actor, body.code);
  }

  @ApiBearerAuth()
  @Post('users')
  @Returns(meSchema, 201)
  createUser(@Actor() actor: Principal, @ZBody(createUserSchema) body: CreateUserBody): Promise<Me> {
    return this.auth.createUser(actor, body);
  }
}
