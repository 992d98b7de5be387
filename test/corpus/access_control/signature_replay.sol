// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract Voucher {
    address public signer;

    constructor(address s) { signer = s; }

    receive() external payable {}

    function redeem(uint256 amount, uint8 v, bytes32 r, bytes32 s) external {
        bytes32 digest = keccak256(abi.encodePacked(msg.sender, amount));
        address who = ecrecover(digest, v, r, s); // @vulnerable: access_control @vulnerable: other
        require(who == signer && who != address(0), "sig");
        payable(msg.sender).transfer(amount);
    }
}
