import * as migration_20261201_013252_initial from './20261201_013252_initial';

export const migrations = [
  {
    up: migration_20261201_013252_initial.up,
    down: migration_20261201_013252_initial.down,
    name: '20261201_013252_initial'
  },
];
