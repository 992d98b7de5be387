import type { FastifyPluginAsync } from 'fastify';
import type { VigilRuntime } from '../core/runtime-types.js';
import { cryptowatchtowerFace } from './cryptowatchtower/index.js';
import { hashditAddressFace } from './hashdit-address/index.js';
import { hashditUrlFace } from './hashdit-url/index.js';
import { solidityScanFace } from './solidityscan/index.js';
import { threatwindsFace } from './threatwinds/index.js';

export interface FaceOptions {
  runtime: VigilRuntime;
}

/** One Fastify plugin per vendor-compatible face, registered in its own encapsulated scope. */
export interface Face {
  name: string;
  plugin: FastifyPluginAsync<FaceOptions>;
}

/** The vendor faces. Each face adds one import and one entry. */
export const FACES: Face[] = [
  solidityScanFace,
  hashditAddressFace,
  hashditUrlFace,
  cryptowatchtowerFace,
  threatwindsFace,
];
