// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract FindThisHash {
    bytes32 public constant HASH = 0x564ccaf7594d66b1eaaea24fe01f0585bf52ee70852af4eac0cc4b04711cd0e2;

    constructor() payable {}

    function solve(string calldata solution) external {
        require(HASH == keccak256(abi.encodePacked(solution)), "wrong"); // @vulnerable: front_running
        payable(msg.sender).transfer(1000 ether);
    }
}
