// SPDX-License-Identifier: MIT
pragma solidity 0.8.24;

contract AccessRegistry {
    mapping(bytes32 => bool) public allowed;
    address public owner = msg.sender;

    function grant(string calldata role, string calldata user) external {
        require(msg.sender == owner, "owner");
        allowed[keccak256(abi.encodePacked(role, user))] = true; // @vulnerable: other
    }
}
