import * as migration_20261201_042129_initial from './20261201_042129_initial';

export const migrations = [
  {
    up: migration_20261201_042129_initial.up,
    down: migration_20261201_042129_initial.down,
    name: '20261201_042129_initial'
  },
];
