import { Body, Param, type PipeTransform, Query, applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { idSchema } from '../../../shared/schemas/common';
import { issuesToFields, zhErrorMap } from '../../../shared/zod-messages';
import { AppError } from './app-error';

// The API's validation messages are Chinese, like everything users see.
z.setErrorMap(zhErrorMap);

// OpenAPI's schema object type from swagger is loose; json-schema output fits it structurally.
type OpenApiSchema = Record<string, unknown>;

export function toOpenApi(schema: z.ZodTypeAny): OpenApiSchema {
  // zodToJsonSchema's generic return type is too deep for tsc; the output is plain JSON.
  const convert = zodToJsonSchema as unknown as (s: z.ZodTypeAny, o: object) => unknown;
  const json = convert(schema, { target: 'openApi3', $refStrategy: 'none' }) as OpenApiSchema;
  delete json.$schema;
  return json;
}

export class ZodPipe<T extends z.ZodTypeAny> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) throw AppError.validation(issuesToFields(parsed.error.issues));
    return parsed.data as z.infer<T>;
  }
}

function describeMethod(target: object, key: string | symbol | undefined, decorator: MethodDecorator): void {
  if (key === undefined) return;
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (descriptor) decorator(target, key, descriptor);
}

/** The JSON body, validated by a shared zod schema and documented in OpenAPI. */
export function ZBody<T extends z.ZodTypeAny>(schema: T): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    describeMethod(target, key, ApiBody({ schema: toOpenApi(schema) }));
  };
}

/** The query string, validated by a shared zod object schema; each property is documented. */
export function ZQuery(schema: z.AnyZodObject): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodPipe(schema))(target, key, index);
    const shape = schema.shape as Record<string, z.ZodTypeAny>;
    for (const [name, prop] of Object.entries(shape)) {
      describeMethod(target, key, ApiQuery({ name, required: !prop.isOptional(), schema: toOpenApi(prop) }));
    }
  };
}

/** A path parameter, checked to be a plausible id so bad ids answer 404 rather than reach SQL. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ZodPipe(idSchema));
}

/** Documents the success response with the shared schema. */
export function Returns(schema: z.ZodTypeAny, status = 200): MethodDecorator {
  return applyDecorators(ApiResponse({ status, schema: toOpenApi(schema) }));
}
