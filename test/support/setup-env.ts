import 'reflect-metadata';

// API tests run quiet and fast: no request logs, hashing as in production.
process.env.LOG_LEVEL ??= 'silent';
