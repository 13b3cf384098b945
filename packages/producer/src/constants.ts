/** The topic the producer writes and the loader's event source reads. */
const DEFAULT_TOPIC = 'legacy-users';

/** The default legacy source: table `users` with these columns. */
const DEFAULT_SOURCE = Object.freeze({
  table: 'users',
  idColumn: 'id',
  emailColumn: 'email',
  hashColumn: 'password_hash',
  profileColumn: 'profile',
  versionColumn: 'updated_at',
});

/** Rows per cursor read, per Kafka send, and per checkpoint. */
const DEFAULT_BATCH_SIZE = 1000;

export { DEFAULT_BATCH_SIZE, DEFAULT_SOURCE, DEFAULT_TOPIC };
