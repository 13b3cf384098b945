// Types of `inject('stackEnv')` in integration tests.
import type {} from '@hashbridge/local-stack/testing';
