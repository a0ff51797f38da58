import * as migration_20261201_040912_initial from './20261201_040912_initial';

export const migrations = [
  {
    up: migration_20261201_040912_initial.up,
    down: migration_20261201_040912_initial.down,
    name: '20261201_040912_initial'
  },
];
