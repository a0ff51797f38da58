process.env.PAYLOAD_DISABLE_ADMIN = 'true'
process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
process.env.COMMONS_SEED_ON_START = 'false'
