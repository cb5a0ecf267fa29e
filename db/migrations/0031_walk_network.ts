// The walking network (STREET_NETWORK): its edges between junctions, where it came from, and per
// grid piece the walking distance beside the straight one (geodata/network/).
import type { Knex } from 'knex';
import { STORAGE_SRID } from '../../domain/city.ts';

export async function up(knex: Knex) {
  await knex.raw(`
    create table walk_edge (
      id integer primary key,
      source integer not null,
      target integer not null,
      length_m double precision not null,
      highway text not null,
      osm_way_id bigint,
      geom geometry(LineString, ${STORAGE_SRID}) not null
    )`);
  await knex.raw('create index walk_edge_geom_idx on walk_edge using gist (geom)');
  await knex.raw(`comment on table walk_edge is 'The walkable ways of the STREET_NETWORK file, split at junctions (geodata/network/); empty without one'`);
  await knex.raw(`
    create table walk_network (
      id integer primary key default 1 check (id = 1),
      file text not null,
      format text not null,
      sha256 text not null,
      bytes bigint not null,
      data_date text,
      licence text not null,
      attribution text not null,
      edges integer not null,
      length_m double precision not null,
      imported_at timestamptz not null default now()
    )`);
  await knex.raw(`comment on table walk_network is 'The one walking network in use: its file, checksum, date and licence; no row = distances are straight lines'`);
  // network_m: the shortest walk to the nearest facility attached to the network (null: the piece
  // is not attached, or no facility is reachable); offnet_m: the straight line to the nearest
  // facility not attached to it (for an attached piece only).
  await knex.raw('alter table cell_reach add column network_m double precision, add column offnet_m double precision');
  await knex.raw('alter table coverage_cell_cache add column on_network boolean not null default false');
}

export async function down(knex: Knex) {
  await knex.raw('alter table coverage_cell_cache drop column on_network');
  await knex.raw('alter table cell_reach drop column network_m, drop column offnet_m');
  await knex.raw('drop table walk_network');
  await knex.raw('drop table walk_edge');
}
