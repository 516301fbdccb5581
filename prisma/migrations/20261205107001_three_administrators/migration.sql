-- 三员分立 (GB/T 22239 level 3): system, security and audit administrators. Added in their own migration: a new
-- enum value cannot be used in the transaction that adds it.
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'SYSTEM_ADMIN';
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'SECURITY_ADMIN';
ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'AUDIT_ADMIN';
