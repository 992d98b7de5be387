// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Permit {
    address public signer; // @vulnerable: other
    mapping(bytes32 => bool) public used;

    function act(bytes32 h, uint8 v, bytes32 r, bytes32 s) external {
        require(!used[h], "used");
        require(ecrecover(h, v, r, s) == signer, "sig"); // @vulnerable: access_control @vulnerable: other
        used[h] = true;
    }
}
