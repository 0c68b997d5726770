import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoleGrantEntity } from './role-grant.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RoleGrantEntity])],
  providers: [UsersService],
  exports: [UsersService],
})
export class UsersModule {}
