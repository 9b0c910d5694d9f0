export { aeadOpen, aeadSeal, aeadVersion } from '@hannun/pki';
